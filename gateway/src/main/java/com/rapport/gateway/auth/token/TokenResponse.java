package com.rapport.gateway.auth.token;

/**
 * API.md's answer to a sign-in: {@code accessToken}, {@code tokenType} "Bearer", {@code expiresIn} seconds; plus the
 * refresh token that gets the next access token without the password, and how long the session can last.
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                            long refreshExpiresIn) {

    public static final String BEARER = "Bearer";
}
