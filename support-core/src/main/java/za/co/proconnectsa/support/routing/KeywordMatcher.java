package za.co.proconnectsa.support.routing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * Finds whether any of a set of padded keywords (" refund ", " debit order ") occurs in a padded,
 * normalised text, in one pass over the text (Aho-Corasick over the alphabet a-z, 0-9 and space).
 * Routing tests several keyword sets per request, so one pass per set instead of one
 * {@code indexOf} per keyword is what keeps a decision well under a microsecond.
 * Keywords with other characters (letters outside a-z after normalisation) are checked with
 * {@code indexOf}; they are rare.
 */
final class KeywordMatcher {

    private static final int SYMBOLS = 38; // a-z, 0-9, space, anything else
    private static final int OTHER = 37;
    private static final byte[] SYMBOL = new byte[128];

    static {
        Arrays.fill(SYMBOL, (byte) OTHER);
        for (char c = 'a'; c <= 'z'; c++) {
            SYMBOL[c] = (byte) (c - 'a');
        }
        for (char c = '0'; c <= '9'; c++) {
            SYMBOL[c] = (byte) (26 + c - '0');
        }
        SYMBOL[' '] = 36;
    }

    private final int[] next;
    /** For each state, the index of a keyword that ends there, or -1. */
    private final int[] found;
    private final String[] others;
    private final int[] otherIndex;

    KeywordMatcher(String[] paddedKeywords) {
        List<Integer> ascii = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < paddedKeywords.length; i++) {
            (isAutomatonKeyword(paddedKeywords[i]) ? ascii : rest).add(i);
        }
        this.others = rest.stream().map(i -> paddedKeywords[i]).toArray(String[]::new);
        this.otherIndex = rest.stream().mapToInt(Integer::intValue).toArray();
        int capacity = 1 + ascii.stream().mapToInt(i -> paddedKeywords[i].length()).sum();
        int[] go = new int[capacity * SYMBOLS];
        Arrays.fill(go, -1);
        int[] out = new int[capacity];
        Arrays.fill(out, -1);
        int states = 1;
        for (int index : ascii) {
            String k = paddedKeywords[index];
            int s = 0;
            for (int i = 0; i < k.length(); i++) {
                int sym = SYMBOL[k.charAt(i)];
                if (go[s * SYMBOLS + sym] < 0) {
                    go[s * SYMBOLS + sym] = states++;
                }
                s = go[s * SYMBOLS + sym];
            }
            if (out[s] < 0) {
                out[s] = index;
            }
        }
        // breadth-first: failure links folded into a complete transition table
        int[] fail = new int[states];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int sym = 0; sym < SYMBOLS; sym++) {
            int t = go[sym];
            if (t < 0) {
                go[sym] = 0;
            } else {
                fail[t] = 0;
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.remove();
            if (out[s] < 0) {
                out[s] = out[fail[s]];
            }
            for (int sym = 0; sym < SYMBOLS; sym++) {
                int t = go[s * SYMBOLS + sym];
                if (t < 0) {
                    go[s * SYMBOLS + sym] = go[fail[s] * SYMBOLS + sym];
                } else {
                    fail[t] = go[fail[s] * SYMBOLS + sym];
                    queue.add(t);
                }
            }
        }
        this.next = Arrays.copyOf(go, states * SYMBOLS);
        this.found = Arrays.copyOf(out, states);
    }

    private static boolean isAutomatonKeyword(String k) {
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c >= 128 || SYMBOL[c] == OTHER) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param paddedText normalised text with a space at each end
     * @return whether any keyword occurs in it
     */
    boolean matches(String paddedText) {
        return find(paddedText) >= 0;
    }

    /**
     * @param paddedText normalised text with a space at each end
     * @return the index of a keyword that occurs in it (the one that ends first), or -1
     */
    int find(String paddedText) {
        int s = 0;
        for (int i = 0, n = paddedText.length(); i < n; i++) {
            char c = paddedText.charAt(i);
            s = next[s * SYMBOLS + (c < 128 ? SYMBOL[c] : OTHER)];
            if (found[s] >= 0) {
                return found[s];
            }
        }
        for (int j = 0; j < others.length; j++) {
            if (paddedText.indexOf(others[j]) >= 0) {
                return otherIndex[j];
            }
        }
        return -1;
    }
}
