package dev.lambdanotes.testing.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the API acknowledged during a fuzz run, and only that: accounts registered with 201,
 * tokens issued with 200 and not revoked with 204, notes created with 201 as last acknowledged by
 * a 200, and not deleted with 204. The database must end up holding exactly this.
 */
public final class Ledger implements World {
    public record Account(UUID id, String username, String password) {
    }

    public record StoredNote(UUID id, UUID owner, String title, String body, long version) {
    }

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, UUID> liveTokens = new LinkedHashMap<>();
    private final List<String> revokedTokens = new ArrayList<>();
    private final Map<UUID, StoredNote> notes = new LinkedHashMap<>();
    private final List<UUID> deletedNotes = new ArrayList<>();
    private final List<String> cursors = new ArrayList<>();
    private String ownToken;
    private UUID ownUser;
    private String otherToken;

    void registered(Account account) {
        accounts.put(account.username().toLowerCase(Locale.ROOT), account);
    }

    /** The account with this username, compared regardless of case as the unique index compares. */
    Optional<Account> account(String username) {
        return Optional.ofNullable(accounts.get(username.toLowerCase(Locale.ROOT)));
    }

    Optional<Account> account(UUID id) {
        return accounts.values().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    void issued(String token, UUID user) {
        liveTokens.put(token, user);
    }

    void revoked(String token) {
        liveTokens.remove(token);
        revokedTokens.add(token);
    }

    /** The user a token stands for, if it is one that was issued and not revoked. */
    Optional<UUID> holder(String token) {
        return Optional.ofNullable(liveTokens.get(token));
    }

    void saved(StoredNote note) {
        notes.put(note.id(), note);
    }

    void deleted(UUID id) {
        notes.remove(id);
        deletedNotes.add(id);
    }

    Optional<StoredNote> note(UUID id) {
        return Optional.ofNullable(notes.get(id));
    }

    void listed(String nextCursor) {
        if (nextCursor != null && cursors.size() < 1000) {
            cursors.add(nextCursor);
        }
    }

    /** Names the tokens that OWN and OTHER_USER stand for. */
    void cast(String ownToken, UUID ownUser, String otherToken) {
        this.ownToken = ownToken;
        this.ownUser = ownUser;
        this.otherToken = otherToken;
    }

    public Map<String, Account> accounts() {
        return Map.copyOf(accounts);
    }

    public Map<String, UUID> liveTokens() {
        return Map.copyOf(liveTokens);
    }

    public Map<UUID, StoredNote> notes() {
        return Map.copyOf(notes);
    }

    @Override
    public String token(TokenRef ref, int pick) {
        return switch (ref) {
            case OWN -> ownToken;
            case OTHER_USER -> otherToken;
            case REVOKED -> revokedTokens.isEmpty() ? ownToken : pick(revokedTokens, pick);
            case ANY_LIVE -> liveTokens.isEmpty() ? ownToken : pick(new ArrayList<>(liveTokens.keySet()), pick);
        };
    }

    @Override
    public String noteId(NoteRef ref, int pick) {
        List<UUID> candidates = switch (ref) {
            case OWN -> notes.values().stream().filter(n -> n.owner().equals(ownUser)).map(StoredNote::id).toList();
            case OTHER_USERS -> notes.values().stream().filter(n -> !n.owner().equals(ownUser))
                    .map(StoredNote::id).toList();
            case DELETED -> deletedNotes;
            case UNKNOWN -> List.of();
        };
        return candidates.isEmpty() ? new UUID(0x5eedL, pick).toString() : pick(candidates, pick).toString();
    }

    @Override
    public String etag(int pick, boolean stale) {
        List<StoredNote> owned = notes.values().stream().filter(n -> n.owner().equals(ownUser)).toList();
        long version = owned.isEmpty() ? 0 : pick(owned, pick).version();
        return "\"" + (stale ? version - 1 : version) + "\"";
    }

    @Override
    public String cursor(int pick) {
        return cursors.isEmpty() ? "MTc2NzIyNTYwMC4wLjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA"
                : pick(cursors, pick);
    }

    private static <T> T pick(List<T> list, int pick) {
        return list.get(Math.floorMod(pick, list.size()));
    }
}
