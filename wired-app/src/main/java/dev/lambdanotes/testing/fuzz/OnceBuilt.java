package dev.lambdanotes.testing.fuzz;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCases;
import net.jqwik.api.RandomGenerator;

/**
 * An arbitrary that builds its generators once. jqwik looks generators up by the arbitrary's
 * structural hash code, for the property on every try and inside frequencyOf on every pick; for
 * trees of generators this large those lookups cost more than generating the request.
 */
final class OnceBuilt<T> implements Arbitrary<T> {
    private final Arbitrary<T> arbitrary;
    private final Map<Integer, RandomGenerator<T>> generators = new HashMap<>();
    private final Map<Integer, RandomGenerator<T>> withEdgeCases = new HashMap<>();

    private OnceBuilt(Arbitrary<T> arbitrary) {
        this.arbitrary = arbitrary;
    }

    /** An arbitrary only produces values, so one of a subtype serves as one of the type. */
    @SuppressWarnings("unchecked")
    static <T> Arbitrary<T> of(Arbitrary<? extends T> arbitrary) {
        return new OnceBuilt<>((Arbitrary<T>) arbitrary);
    }

    @Override
    public RandomGenerator<T> generator(int genSize) {
        return generators.computeIfAbsent(genSize, arbitrary::generator);
    }

    @Override
    public RandomGenerator<T> generatorWithEmbeddedEdgeCases(int genSize) {
        return withEdgeCases.computeIfAbsent(genSize, arbitrary::generatorWithEmbeddedEdgeCases);
    }

    @Override
    public EdgeCases<T> edgeCases(int maxEdgeCases) {
        return arbitrary.edgeCases(maxEdgeCases);
    }
}
