package com.zemo.scrape.batch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonStringsTest {
    @Test
    void readsTheArrayJobParamsStores() {
        assertThat(JsonStrings.parseArray("[\"http://a.test/x?q=1&b=\\\"c\\\"\", \"https://b.test/\\u043e\\u043a\\u043d\\u0430\",\"http:\\/\\/c.test\\\\\"]"))
                .containsExactly("http://a.test/x?q=1&b=\"c\"", "https://b.test/окна", "http://c.test\\");
        assertThat(JsonStrings.parseArray("[]")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAnArrayOfStrings() {
        assertThatThrownBy(() -> JsonStrings.parseArray("http://a.test/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonStrings.parseArray("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
    }
}
