package dev.lambdanotes.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A person who can log in and own notes. The password is only ever held as an Argon2id hash. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private UUID id;

    @Column(nullable = false, length = 80)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Generated
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    private Instant updatedAt;

    protected User() {
        // for Hibernate
    }

    public User(UserId id, String username, String passwordHash) {
        this.id = id.value();
        this.username = username;
        this.passwordHash = passwordHash;
    }

    public UserId id() {
        return new UserId(id);
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    /** Takes a new password, as its Argon2id hash. */
    public void replacePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
