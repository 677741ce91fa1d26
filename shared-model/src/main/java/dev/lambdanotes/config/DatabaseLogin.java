package dev.lambdanotes.config;

/** A database user name and password. */
public record DatabaseLogin(String user, String password) {
    @Override
    public String toString() {
        return "DatabaseLogin[user=" + user + ", password=<hidden>]";
    }
}
