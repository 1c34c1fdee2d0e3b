package com.rapport.gateway.auth.account;

import com.rapport.gateway.auth.ConditionalOnLocalIssuer;
import com.rapport.gateway.auth.LocalIssuerProperties;
import com.rapport.gateway.auth.Secrets;
import com.rapport.gateway.auth.user.InvalidUserException;
import com.rapport.gateway.auth.user.PartnerContact;
import com.rapport.gateway.auth.user.PartnerDirectory;
import com.rapport.gateway.auth.user.UserAccount;
import com.rapport.gateway.auth.user.UserAccounts;
import com.rapport.gateway.auth.user.UserRegistration;
import com.rapport.gateway.auth.user.UsernameTakenException;
import com.rapport.gateway.auth.user.UsersProperties;
import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Inviting someone to become a partner's login, and accepting. OPS or ADMIN names the partner (which must exist;
 * its language is learnt from the referral-service) and the invitee's address; the invitee gets a single-use link,
 * valid {@code invitationLifetime} (72 h), and chooses a username and password: a PARTNER login bound to that
 * partner. A link used, expired or unknown is a 410; only its SHA-256 is stored.
 */
@Component
@ConditionalOnLocalIssuer
public class Invitations implements ApplicationRunner {

    static final String COLLECTION = "invitations";
    private static final String WHAT = "invitation";

    private final ReactiveMongoTemplate mongo;
    private final PartnerDirectory partners;
    private final UserRegistration registration;
    private final UserAccounts accounts;
    private final AccountMail mail;
    private final AccountsProperties properties;
    private final UsersProperties users;
    private final Duration startupTimeout;
    private final Clock clock;

    public Invitations(ReactiveMongoTemplate mongo, PartnerDirectory partners, UserRegistration registration,
                       UserAccounts accounts, AccountMail mail, AccountsProperties properties, UsersProperties users,
                       LocalIssuerProperties issuer, Clock clock) {
        this.mongo = mongo;
        this.partners = partners;
        this.registration = registration;
        this.accounts = accounts;
        this.mail = mail;
        this.properties = properties;
        this.users = users;
        this.startupTimeout = issuer.startupTimeout();
        this.clock = clock;
    }

    /** Expired invitations go by themselves (a TTL index; servers without TTL support just keep them). */
    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(COLLECTION)
                .ensureIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO))
                .block(startupTimeout);
    }

    public Mono<InvitationView> invite(NewInvitation request, Caller caller, String callerToken) {
        caller.require(Role.OPS, Role.ADMIN);
        String partnerId = request.partnerId().trim();
        Mono<PartnerContact> partner = users.verifyPartner()
                ? partners.contact(partnerId, callerToken)
                .switchIfEmpty(Mono.error(() -> new InvalidUserException("partnerId", "names no partner")))
                : Mono.just(PartnerContact.unknown(partnerId));
        return partner.flatMap(contact -> {
            String token = Secrets.newSecret();
            Instant now = now();
            Invitation invitation = new Invitation(Secrets.digest(token), partnerId, request.email().trim(),
                    contact.email(), contact.language(), caller.username(), now,
                    now.plus(properties.invitationLifetime()), null, null);
            return mongo.insert(invitation, COLLECTION)
                    .then(mail.invitation(invitation.email(), contact.language(), properties.invitationLink(token),
                            properties.invitationLifetime()))
                    // nobody holds a link whose email did not go out: it is of no use
                    .onErrorResume(AccountMail.MailNotSentException.class, notSent -> mongo.remove(
                            Query.query(where("_id").is(invitation.id())), COLLECTION).then(Mono.error(notSent)))
                    .thenReturn(InvitationView.of(invitation));
        });
    }

    /**
     * Makes the PARTNER login. The rules of any login apply (400, 409 for a taken username) before the invitation
     * is spent, so a refused attempt leaves the link usable.
     */
    public Mono<UserAccount> accept(String token, InvitationAcceptance request) {
        return Mono.defer(() -> {
            registration.refusePassword(request.password());
            Query usable = usable(token);
            return mongo.findOne(usable, Invitation.class, COLLECTION)
                    .switchIfEmpty(Mono.error(() -> new LinkGoneException(WHAT)))
                    .flatMap(invitation -> registration.prepareInvited(request.username(), request.password(),
                                    new PartnerContact(invitation.partnerId(), invitation.partnerEmail(),
                                            invitation.language()), invitation.invitedBy())
                            .flatMap(account -> spend(usable, account)
                                    .then(accounts.insert(account))
                                    .onErrorResume(UsernameTakenException.class, taken ->
                                            giveBack(invitation).then(Mono.error(taken)))));
        });
    }

    private Query usable(String token) {
        return Query.query(where("_id").is(Secrets.digest(token)).and("acceptedAt").is(null)
                .and("expiresAt").gt(clock.instant()));
    }

    /** Only one of two people racing with the same link gets it. */
    private Mono<Invitation> spend(Query usable, UserAccount account) {
        return mongo.findAndModify(usable, new Update().set("acceptedAt", now()).set("acceptedBy", account.username()),
                        Invitation.class, COLLECTION)
                .switchIfEmpty(Mono.error(() -> new LinkGoneException(WHAT)));
    }

    /** The username was taken in the meantime: the link works again. */
    private Mono<Void> giveBack(Invitation invitation) {
        return mongo.updateFirst(Query.query(where("_id").is(invitation.id())),
                new Update().set("acceptedAt", null).set("acceptedBy", null), Invitation.class, COLLECTION).then();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
