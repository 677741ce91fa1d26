package dev.lambdanotes.application;

import java.time.Duration;

/** A bearer token just issued at login, and how long it stays valid. The only place the token exists in clear. */
public record IssuedToken(String token, Duration expiresIn) {
    @Override
    public String toString() {
        return "IssuedToken[token=<hidden>, expiresIn=" + expiresIn + "]";
    }
}
