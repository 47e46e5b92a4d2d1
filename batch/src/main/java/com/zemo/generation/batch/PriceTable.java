package com.zemo.generation.batch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * LLM prices from configuration ({@code zemo.llm.prices}): {@code model=in/out,...} in USD per million input and
 * output tokens, e.g. {@code gpt-4o-mini=0.15/0.60,sandbox-1=0/0}. A model is priced by its exact name, else by the
 * longest configured name it starts with (providers answer with dated names such as gpt-4o-mini-2024-07-18).
 */
public final class PriceTable {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** USD per million tokens. */
    public record Price(BigDecimal input, BigDecimal output) {
    }

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = prices;
    }

    /** @throws IllegalArgumentException naming the entry that is not {@code model=in/out} with numbers ≥ 0 */
    public static PriceTable parse(String spec) {
        Map<String, Price> m = new LinkedHashMap<>();
        if (spec != null) {
            for (String entry : spec.split(",")) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue;
                }
                int eq = e.lastIndexOf('=');
                int slash = e.lastIndexOf('/');
                if (eq <= 0 || slash < eq) {
                    throw new IllegalArgumentException("zemo.llm.prices: '" + e + "' is not model=input/output (USD per million tokens)");
                }
                try {
                    BigDecimal in = new BigDecimal(e.substring(eq + 1, slash).strip());
                    BigDecimal out = new BigDecimal(e.substring(slash + 1).strip());
                    if (in.signum() < 0 || out.signum() < 0) {
                        throw new NumberFormatException();
                    }
                    m.put(e.substring(0, eq).strip().toLowerCase(Locale.ROOT), new Price(in, out));
                } catch (NumberFormatException x) {
                    throw new IllegalArgumentException("zemo.llm.prices: '" + e + "' needs two numbers of 0 or more", x);
                }
            }
        }
        return new PriceTable(Map.copyOf(m));
    }

    public Optional<Price> priceOf(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String key = model.strip().toLowerCase(Locale.ROOT);
        Price exact = prices.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        return prices.entrySet().stream().filter(e -> key.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
    }

    /** Cost in USD, 6 decimals (the column's scale); empty for a model without a price. */
    public Optional<BigDecimal> cost(String model, long inputTokens, long outputTokens) {
        return priceOf(model).map(p -> p.input().multiply(BigDecimal.valueOf(inputTokens))
                .add(p.output().multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, 6, RoundingMode.HALF_UP));
    }
}
