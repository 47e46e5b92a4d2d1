package com.zemo.generation.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTableTest {
    private final PriceTable prices = PriceTable.parse("gpt-4o-mini=0.15/0.60, gpt-4o=2.50/10, sandbox-1=0/0");

    @Test
    void costIsPerMillionInputAndOutputTokens() {
        assertThat(prices.cost("gpt-4o-mini", 120, 80)).contains(new BigDecimal("0.000066"));
        assertThat(prices.cost("gpt-4o", 1_000_000, 1_000_000)).contains(new BigDecimal("12.500000"));
        assertThat(prices.cost("sandbox-1", 5000, 5000)).contains(new BigDecimal("0.000000"));
    }

    @Test
    void datedModelNamesTakeTheLongestConfiguredPrefix() {
        assertThat(prices.cost("gpt-4o-mini-2024-07-18", 1_000_000, 0)).contains(new BigDecimal("0.150000"));
        assertThat(prices.cost("GPT-4o-2024-08-06", 0, 1_000_000)).contains(new BigDecimal("10.000000"));
    }

    @Test
    void unknownModelHasNoPrice() {
        assertThat(prices.cost("llama-3-70b", 10, 10)).isEmpty();
        assertThat(prices.cost(null, 10, 10)).isEmpty();
        assertThat(PriceTable.parse("").cost("gpt-4o-mini", 1, 1)).isEmpty();
    }

    @Test
    void malformedEntriesAreNamed() {
        assertThatThrownBy(() -> PriceTable.parse("gpt-4o-mini=0.15")).hasMessageContaining("'gpt-4o-mini=0.15' is not model=input/output");
        assertThatThrownBy(() -> PriceTable.parse("x=a/1")).hasMessageContaining("'x=a/1' needs two numbers");
        assertThatThrownBy(() -> PriceTable.parse("x=-1/1")).hasMessageContaining("needs two numbers of 0 or more");
    }
}
