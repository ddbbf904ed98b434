package io.financehub.sandbox.data;

/**
 * Everything a generated account's history derives from. Transaction {@code i} of the account is a pure function of
 * this spec and {@code i} ({@link TransactionGenerator}), which is how a million-transaction account is served page
 * by page without ever being held in memory.
 *
 * @param key         32-bit key embedded in the account's transaction ids, so GET /transactions/{id} finds the account
 * @param count       number of generated ("base") transactions
 * @param fromMillis  first generated date (inclusive)
 * @param toMillis    last generated date (inclusive)
 * @param seed        the account's own seed, from the sandbox seed and the account id
 */
public record AccountSpec(String accountId, int key, String itemId, AccountKind kind, long count, long fromMillis,
        long toMillis, long openingCents, long seed, boolean openFinance, String cardLastDigits) {
}
