package com.rapport.gateway.auth.user;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The well-known passwords of the local development users. They are published in the README, so outside the local
 * profile the gateway refuses to start with them configured, refuses them for new users and refuses sign-ins with
 * them (a database carried over from a local run must not open the door).
 */
@Component
public class DevelopmentPasswords {

    private final boolean localProfile;
    private final String profileName;
    private final List<String> passwords;

    public DevelopmentPasswords(UsersProperties properties, Environment environment) {
        this.profileName = properties.localProfile();
        this.localProfile = environment.acceptsProfiles(Profiles.of(profileName));
        this.passwords = properties.developmentPasswords();
    }

    public boolean isLocalProfile() {
        return localProfile;
    }

    public String localProfileName() {
        return profileName;
    }

    /** True when this password may not be used here. */
    public boolean refuses(String password) {
        return !localProfile && passwords.contains(password);
    }
}
