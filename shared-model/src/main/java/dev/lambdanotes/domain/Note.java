package dev.lambdanotes.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A private note: a title and a body that belong to exactly one user. */
@Entity
@Table(name = "notes")
public class Note {

    @Id
    private UUID id;

    /*
     * The owner's id, not a User association: a lazy association would need a runtime proxy
     * class, and the functions run Hibernate without a bytecode provider (no Byte Buddy).
     */
    @Column(name = "owner_id", nullable = false, updatable = false)
    private UUID ownerId;

    @Column(nullable = false, length = NoteContent.MAX_TITLE_LENGTH)
    private String title;

    @Column(nullable = false, columnDefinition = "text")
    private String body;

    @Version
    @Column(nullable = false)
    private long version;

    @Generated
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    private Instant updatedAt;

    protected Note() {
        // for Hibernate
    }

    public Note(NoteId id, UserId owner, NoteContent content) {
        this.id = id.value();
        this.ownerId = owner.value();
        this.title = content.title();
        this.body = content.body();
    }

    public void replaceContent(NoteContent content) {
        this.title = content.title();
        this.body = content.body();
    }

    public NoteId id() {
        return new NoteId(id);
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
