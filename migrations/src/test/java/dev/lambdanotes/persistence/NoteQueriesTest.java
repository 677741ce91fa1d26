package dev.lambdanotes.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.domain.Note;
import dev.lambdanotes.domain.User;
import dev.lambdanotes.domain.UserId;
import dev.lambdanotes.migrations.SchemaMigrator;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notes' criteria queries, built once and shared by every session, over the migrated schema. */
class NoteQueriesTest {
    private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");

    private static TestDatabase database;
    private static SessionFactory sessions;
    private static NoteQueries queries;

    private final UserId owner = UserId.random();
    private final UserId neighbour = UserId.random();

    @BeforeAll
    static void migrate() {
        database = TestPostgres.instance().createDatabase("note_queries");
        new SchemaMigrator(database.dataSource()).migrate();
        sessions = HibernateBootstrap.sessionFactory(database.dataSource());
        queries = new NoteQueries(sessions);
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    @BeforeEach
    void twoUsers() {
        sessions.inTransaction(session -> {
            session.persist(new User(owner, "owner_" + owner.value(), "x"));
            session.persist(new User(neighbour, "neighbour_" + neighbour.value(), "x"));
        });
    }

    @Test
    void theListing_isNewestFirst_withTheIdBreakingTies_andOnlyTheOwners() throws SQLException {
        UUID low = new UUID(0, 1);
        UUID high = new UUID(0, 2);
        UUID older = new UUID(0, 3);
        note(owner, low, NOON);
        note(owner, high, NOON);
        note(owner, older, NOON.minusSeconds(60));
        note(neighbour, UUID.randomUUID(), NOON.plusSeconds(60));

        assertThat(ids(sessions.fromSession(session -> queries.newestOf(session, owner.value()).getResultList())))
                .containsExactly(high, low, older);
        assertThat(ids(sessions.fromSession(session ->
                queries.newestOfAfter(session, owner.value(), NOON, high).getResultList())))
                .containsExactly(low, older);
        assertThat(ids(sessions.fromSession(session ->
                queries.newestOfAfter(session, owner.value(), NOON, low).getResultList())))
                .containsExactly(older);
    }

    @Test
    void anotherOwnersNote_isNeitherFoundNorDeleted() throws SQLException {
        UUID id = UUID.randomUUID();
        note(owner, id, NOON);

        assertThat(owned(neighbour, id)).isEmpty();
        assertThat(deleted(neighbour, id)).isZero();
        assertThat(ids(owned(owner, id))).containsExactly(id);
        assertThat(deleted(owner, id)).isOne();
        assertThat(owned(owner, id)).isEmpty();
    }

    @Test
    void aListing_isTranslatedToSqlOnce_andTakenFromThePlanCacheByLaterSessions() throws SQLException {
        note(owner, UUID.randomUUID(), NOON);
        SessionFactory own = HibernateBootstrap.configuration(database.dataSource())
                .setProperty("hibernate.generate_statistics", "true")
                .buildSessionFactory();
        try (own) {
            NoteQueries fresh = new NoteQueries(own);
            Statistics statistics = own.getStatistics();

            own.inSession(session -> fresh.newestOf(session, owner.value()).getResultList());
            long missesAfterFirst = statistics.getQueryPlanCacheMissCount();
            long hitsAfterFirst = statistics.getQueryPlanCacheHitCount();
            own.inSession(session -> fresh.newestOf(session, neighbour.value()).getResultList());
            own.inSession(session -> fresh.newestOf(session, owner.value()).getResultList());

            assertThat(missesAfterFirst).isOne();
            assertThat(statistics.getQueryPlanCacheMissCount()).isOne();
            assertThat(statistics.getQueryPlanCacheHitCount()).isEqualTo(hitsAfterFirst + 2);
        }
    }

    private static List<Note> owned(UserId who, UUID id) {
        return sessions.fromSession(session -> queries.owned(session, who.value(), id).getResultList());
    }

    private static int deleted(UserId who, UUID id) {
        return sessions.fromTransaction(session -> queries.deleteOwned(session, who.value(), id));
    }

    private static List<UUID> ids(List<Note> notes) {
        return notes.stream().map(note -> note.id().value()).toList();
    }

    private static void note(UserId owner, UUID id, Instant createdAt) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO notes (id, owner_id, title, body, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, owner.value());
            insert.setString(3, "Note " + id);
            insert.setString(4, "body");
            insert.setTimestamp(5, Timestamp.from(createdAt));
            insert.executeUpdate();
        }
    }
}
