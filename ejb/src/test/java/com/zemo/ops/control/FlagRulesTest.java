package com.zemo.ops.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlagRulesTest {

    @Test
    void keysAreLowerCaseWords() {
        assertThat(FlagRules.validKey("read-only")).isEqualTo("read-only");
        assertThat(FlagRules.validKey("ui.new_editor")).isEqualTo("ui.new_editor");
        assertThatThrownBy(() -> FlagRules.validKey("Bad Key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlagRules.validKey("<script>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlagRules.validKey(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreShortAndPresent() {
        assertThat(FlagRules.validValue(" true ")).isEqualTo("true");
        assertThatThrownBy(() -> FlagRules.validValue(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlagRules.validValue("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
        assertThat(FlagRules.validDescription("  ")).isNull();
        assertThatThrownBy(() -> FlagRules.validDescription("x".repeat(501))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void switchesFlipInTheirOwnWords() {
        assertThat(FlagRules.isSwitch("TRUE")).isTrue();
        assertThat(FlagRules.isSwitch("50%")).isFalse();
        assertThat(FlagRules.flipped("true")).isEqualTo("false");
        assertThat(FlagRules.flipped("False")).isEqualTo("true");
        assertThat(FlagRules.flipped("on")).isEqualTo("off");
        assertThat(FlagRules.flipped("off")).isEqualTo("on");
        assertThatThrownBy(() -> FlagRules.flipped("50%")).isInstanceOf(IllegalArgumentException.class);
    }
}
