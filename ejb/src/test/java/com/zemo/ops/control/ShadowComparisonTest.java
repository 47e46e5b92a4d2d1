package com.zemo.ops.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShadowComparisonTest {
    private static final Set<String> IGNORED = Set.of("requestId", "instance");

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sameJsonInAnotherKeyOrderAndSpacingAgrees() {
        assertThat(ShadowComparison.difference(200, b("{\"a\":1,\"b\":[1,2,{\"c\":\"x\"}]}"),
                200, b("{ \"b\": [1, 2, {\"c\": \"x\"}],\n \"a\": 1 }"), IGNORED)).isEmpty();
    }

    @Test
    void ignoredFieldsDoNotCountAtAnyDepth() {
        assertThat(ShadowComparison.difference(404, b("{\"status\":404,\"requestId\":\"aaa\",\"x\":{\"instance\":\"/a\"}}"),
                404, b("{\"status\":404,\"requestId\":\"bbb\",\"x\":{\"instance\":\"/b\"}}"), IGNORED)).isEmpty();
    }

    @Test
    void differentStatusIsAMismatch() {
        assertThat(ShadowComparison.difference(200, b("{}"), 500, b("{}"), IGNORED)).hasValue("status 200 (legacy) vs 500 (zemo)");
    }

    @Test
    void aDifferentValueIsReportedWithItsPath() {
        assertThat(ShadowComparison.difference(200, b("{\"items\":[{\"id\":1,\"title\":\"a\"}]}"),
                200, b("{\"items\":[{\"id\":1,\"title\":\"b\"}]}"), IGNORED)).hasValue("JSON bodies differ at /items/0/title");
        assertThat(ShadowComparison.difference(200, b("{\"a\":1,\"gone\":true}"), 200, b("{\"a\":1}"), IGNORED))
                .hasValue("JSON bodies differ at /gone (missing in zemo)");
        assertThat(ShadowComparison.difference(200, b("[1,2]"), 200, b("[1,2,3]"), IGNORED))
                .hasValue("JSON bodies differ at / (2 vs 3 elements)");
    }

    @Test
    void nonJsonBodiesAreComparedByteForByte() {
        assertThat(ShadowComparison.difference(200, b("plain"), 200, b("plain"), IGNORED)).isEmpty();
        assertThat(ShadowComparison.difference(200, b("plain"), 200, b("other"), IGNORED)).hasValue("bodies differ (not JSON)");
        assertThat(ShadowComparison.difference(204, null, 204, new byte[0], IGNORED)).isEmpty();
    }
}
