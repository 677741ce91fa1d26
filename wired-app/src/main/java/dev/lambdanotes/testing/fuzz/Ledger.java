package dev.lambdanotes.testing.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
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
        @Override
        public String toString() {
            return "note " + id + " of " + owner + " (version " + version + "): " + Show.text(title) + " / " + Show.text(body);
        }
    }

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Picks<String> liveTokens = new Picks<>();
    private final Map<String, UUID> holders = new HashMap<>();
    private final List<String> revokedTokens = new ArrayList<>();
    private final Map<UUID, StoredNote> notes = new HashMap<>();
    private final Picks<UUID> ownNotes = new Picks<>();
    private final Picks<UUID> othersNotes = new Picks<>();
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

    void issued(String token, UUID user) {
        holders.put(token, user);
        liveTokens.add(token);
    }

    void revoked(String token) {
        holders.remove(token);
        liveTokens.remove(token);
        revokedTokens.add(token);
    }

    /** The user a token stands for, if it is one that was issued and not revoked. */
    Optional<UUID> holder(String token) {
        return Optional.ofNullable(holders.get(token));
    }

    void saved(StoredNote note) {
        if (notes.put(note.id(), note) == null) {
            (note.owner().equals(ownUser) ? ownNotes : othersNotes).add(note.id());
        }
    }

    void deleted(UUID id) {
        StoredNote note = notes.remove(id);
        if (note != null) {
            (note.owner().equals(ownUser) ? ownNotes : othersNotes).remove(id);
            deletedNotes.add(id);
        }
    }

    Optional<StoredNote> note(UUID id) {
        return Optional.ofNullable(notes.get(id));
    }

    void listed(String nextCursor) {
        if (nextCursor != null && cursors.size() < 1000) {
            cursors.add(nextCursor);
        }
    }

    /** Names the user and tokens that OWN and OTHER_USER stand for; before any of their notes is saved. */
    void cast(String ownToken, UUID ownUser, String otherToken) {
        this.ownToken = ownToken;
        this.ownUser = ownUser;
        this.otherToken = otherToken;
    }

    public Map<String, Account> accounts() {
        return Map.copyOf(accounts);
    }

    public Map<String, UUID> liveTokens() {
        return Map.copyOf(holders);
    }

    public Map<UUID, StoredNote> notes() {
        return Map.copyOf(notes);
    }

    @Override
    public String token(TokenRef ref, int pick) {
        return switch (ref) {
            case OWN -> ownToken;
            case OTHER_USER -> otherToken;
            case REVOKED -> revokedTokens.isEmpty() ? ownToken : revokedTokens.get(Math.floorMod(pick, revokedTokens.size()));
            case ANY_LIVE -> liveTokens.isEmpty() ? ownToken : liveTokens.get(pick);
        };
    }

    @Override
    public String noteId(NoteRef ref, int pick) {
        UUID id = switch (ref) {
            case OWN -> ownNotes.isEmpty() ? null : ownNotes.get(pick);
            case OTHER_USERS -> othersNotes.isEmpty() ? null : othersNotes.get(pick);
            case DELETED -> deletedNotes.isEmpty() ? null : deletedNotes.get(Math.floorMod(pick, deletedNotes.size()));
            case UNKNOWN -> null;
        };
        return (id == null ? new UUID(0x5eedL, pick) : id).toString();
    }

    @Override
    public String etag(int pick, boolean stale) {
        long version = ownNotes.isEmpty() ? 0 : notes.get(ownNotes.get(pick)).version();
        return "\"" + (stale ? version - 1 : version) + "\"";
    }

    @Override
    public String cursor(int pick) {
        return cursors.isEmpty() ? "MTc2NzIyNTYwMC4wLjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA"
                : cursors.get(Math.floorMod(pick, cursors.size()));
    }

    /** A set to pick from by index in constant time, as long runs hold tens of thousands of notes and tokens. */
    private static final class Picks<T> {
        private final List<T> items = new ArrayList<>();
        private final Map<T, Integer> positions = new HashMap<>();

        void add(T item) {
            if (positions.putIfAbsent(item, items.size()) == null) {
                items.add(item);
            }
        }

        void remove(T item) {
            Integer position = positions.remove(item);
            if (position == null) {
                return;
            }
            T last = items.remove(items.size() - 1);
            if (position < items.size()) {
                items.set(position, last);
                positions.put(last, position);
            }
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        T get(int pick) {
            return items.get(Math.floorMod(pick, items.size()));
        }
    }
}
