package com.zemo.legacy.importer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CopyBufferTest {

    @Test
    void writesWhatStringGetBytesWouldWithCopyEscapes() throws Exception {
        String text = "Окна\tПВХ\\n\r\n 😀 end" + '\uD800' + "x" + '\uDC00' + "€";
        CopyBuffer b = new CopyBuffer(4);
        b.escaped(text);
        String expected = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        assertThat(b.stream().readAllBytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void byteaAsEscapedHexAndAsciiAsIs() throws Exception {
        CopyBuffer b = new CopyBuffer(2);
        b.hex(new byte[]{0x00, (byte) 0xff, 0x1f});
        b.ascii('\t');
        b.ascii("\\N");
        assertThat(new String(b.stream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("\\\\x00ff1f\t\\N");
        b.clear();
        assertThat(b.length()).isZero();
    }
}
