package io.gendict.core.plugin;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * "Did you mean" suggestions for mistyped names, by Levenshtein edit distance.
 *
 * @since 0.1
 */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The error for an unknown name: suggests the closest known name when it is close (at most two
     * edits, or a third of the name's length), otherwise lists every known name.
     *
     * @param kind  what was looked up, e.g. {@code "prior"}
     * @param name  the unknown name
     * @param known the known names. Not modified.
     * @return an UNKNOWN_NAME exception, e.g. {@code unknown prior 'grup-sparsity'; did you mean 'group-sparsity'?}
     */
    public static GendictException unknownName(String kind, String name, Collection<String> known) {
        String head = "unknown " + kind + " '" + name + "'";
        if (known.isEmpty()) {
            return new GendictException(ErrorKind.UNKNOWN_NAME, head + "; no " + kind + " is installed");
        }
        return new GendictException(ErrorKind.UNKNOWN_NAME, closest(name, known)
                .map(c -> head + "; did you mean '" + c + "'?")
                .orElse(head + "; known: " + String.join(", ", known.stream().sorted().toList())));
    }

    /**
     * @param name  the mistyped name
     * @param known candidate names. Not modified.
     * @return the nearest candidate (ties broken alphabetically) if it is within the closeness bound
     */
    public static Optional<String> closest(String name, Collection<String> known) {
        int bound = Math.max(2, name.length() / 3);
        return known.stream()
                .filter(k -> distance(name, k) <= bound)
                .min(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(Comparator.naturalOrder()));
    }

    /**
     * Levenshtein distance: the fewest single-character insertions, deletions and substitutions
     * turning {@code a} into {@code b}.
     *
     * @param a first string
     * @param b second string
     * @return the distance, ≥ 0
     */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(subst, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
