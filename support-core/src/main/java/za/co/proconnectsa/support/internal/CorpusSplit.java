package za.co.proconnectsa.support.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed split of the routing corpus: every fifth example (the 5th, 10th, 15th ... in file order, comments and
 * blank lines not counted) is held out for testing and never trained on; the rest is the training set.
 */
public final class CorpusSplit {

    static final int EVERY = 5;

    private CorpusSplit() {
    }

    /**
     * @param index the example's position in file order, from 0
     * @return whether it is held out
     */
    public static boolean isHeldOut(int index) {
        return (index + 1) % EVERY == 0;
    }

    /** @param all the corpus @param <T> the example type @return the examples trained on */
    public static <T> List<T> training(List<T> all) {
        return pick(all, false);
    }

    /** @param all the corpus @param <T> the example type @return the held-out examples */
    public static <T> List<T> heldOut(List<T> all) {
        return pick(all, true);
    }

    private static <T> List<T> pick(List<T> all, boolean heldOut) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (isHeldOut(i) == heldOut) {
                out.add(all.get(i));
            }
        }
        return List.copyOf(out);
    }
}
