package com.example.notes.domain;

/** Login failed; deliberately says nothing about whether the username exists. */
public final class InvalidCredentials extends RuntimeException {
    public InvalidCredentials() {
        super("InvalidCredentials", null, false, false);
    }
}
