package za.co.proconnectsa.support.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Histogram;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import za.co.proconnectsa.support.InvalidInputException;

/** Encoding, reference codes and phone parsing hold for any input, not just the examples. */
class WhatsAppLinkPropertiesTest {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of((int) ' ', (int) '+', (int) '&', (int) '#', (int) '%',
                        (int) '=', (int) '?', (int) '\n', (int) '\r', (int) '\t', (int) '[', (int) ']', 0xa0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0xd7ff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xe000, 0x10ffff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0x1f600, 0x1f44d, 0x1f1ff, 0x200d, 0xfe0f, 0xe9, 0x301)));
        return codePoints.list().ofMaxSize(300).map(cps -> {
            StringBuilder s = new StringBuilder();
            cps.forEach(s::appendCodePoint);
            return s.toString();
        });
    }

    @Provide
    Arbitrary<LinkStyle> styles() {
        return Arbitraries.of(LinkStyle.class);
    }

    @Property(tries = 1000)
    void theTextParameterDecodesToTheOriginalText(@ForAll("texts") String text, @ForAll("styles") LinkStyle style,
            @ForAll boolean withPhone) {
        WhatsAppLink link = WhatsAppLink.builder().phone(withPhone ? "+27 67 951 8124" : null).text(text)
                .style(style).build();
        URI uri = link.uri();
        String raw = uri.toString();

        assertThat(raw).doesNotContain(" ").doesNotContain("+");
        assertThat(raw.chars()).allMatch(c -> c > 0x20 && c < 0x7f);
        assertThat(URI.create(raw)).isEqualTo(uri);

        Map<String, String> params = PercentDecoder.queryParameters(uri);
        if (text.isEmpty()) {
            assertThat(params).doesNotContainKey("text");
        } else {
            assertThat(params.get("text")).isEqualTo(text);
        }
        assertThat(link.text()).isEqualTo(text);
    }

    @Property(tries = 300)
    void loneSurrogatesAreRefusedNeverMangled(@ForAll("texts") String before, @ForAll("texts") String after,
            @ForAll @IntRange(min = 0xd800, max = 0xdfff) int surrogate) {
        String text = before + (char) surrogate + after;
        boolean wellFormed = text.codePoints().noneMatch(cp -> cp >= 0xd800 && cp <= 0xdfff);
        if (wellFormed) {
            // the surrogate paired up with a neighbour: a legal supplementary character
            assertThat(PercentDecoder.queryParameters(WhatsAppLink.builder().text(text).build().uri()).get("text"))
                    .isEqualTo(text);
        } else {
            assertThatThrownBy(() -> WhatsAppLink.builder().text(text).build())
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Property(tries = 1000)
    void anEmbeddedReferenceIsFoundAgainWhateverTheUserAddsAround(@ForAll("texts") String text,
            @ForAll("texts") String typedBefore, @ForAll("texts") String typedAfter) {
        Assume.that(ReferenceCode.findAll(text + " " + typedBefore + " " + typedAfter).isEmpty());
        ReferenceCode code = ReferenceCode.generate();
        String sent = PercentDecoder.queryParameters(
                WhatsAppLink.builder().text(text).reference(code).build().uri()).get("text");
        assertThat(ReferenceCode.find(sent)).contains(code);
        assertThat(ReferenceCode.find(typedBefore + sent + typedAfter)).contains(code);
        assertThat(ReferenceCode.find((typedBefore + sent + typedAfter).toLowerCase(java.util.Locale.ROOT)))
                .contains(code);
        // remove also takes the spaces before the marker, no-break spaces included, and strips the rest (\z: a $
        // would also match before a final line terminator such as U+0085 and take a space the text keeps)
        assertThat(ReferenceCode.remove(sent))
                .isEqualTo(text.stripTrailing().replaceFirst("[\\t\\p{Zs}]+\\z", "").strip());
    }

    @net.jqwik.api.Example
    void aSpaceBeforeAFinalNextLineIsKept() {
        String text = "! \u0085";
        String sent = ReferenceCode.embed(text, ReferenceCode.generate());
        assertThat(ReferenceCode.remove(sent)).isEqualTo(text);
    }

    @Property(tries = 1000)
    void textWithoutTheWordRefOrBracketsNeverHasAReference(@ForAll("texts") String text) {
        Assume.that(!text.toLowerCase(java.util.Locale.ROOT).contains("ref") && !text.contains("["));
        assertThat(ReferenceCode.find(text)).isEmpty();
    }

    @Property(tries = 30)
    void theQrCodeDecodesToTheExactLink(@ForAll("texts") String text, @ForAll("styles") LinkStyle style)
            throws Exception {
        WhatsAppLink link = WhatsAppLink.builder().phone("+27 67 951 8124").text(text).style(style).build();
        Assume.that(link.uri().toString().length() <= 1200);
        WhatsAppQrCode qr = link.qrCode();
        byte[] png = qr.png(Math.min(WhatsAppQrCode.MAX_PNG_SIZE, qr.minimumPngSize() * 3));
        assertThat(QrDecoding.decodePure(png)).isEqualTo(link.uri().toString());
    }

    @Provide
    Arbitrary<String> phoneLike() {
        Arbitrary<String> plausible = Arbitraries.strings().withChars("0123456789+()-. #x/").ofMaxLength(30);
        Arbitrary<String> digitsOnly = Combinators.combine(
                Arbitraries.of("", "+", "00", "0", "+27 ", "27", "+1 ", "+44 (0)", "011 "),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20)).as((prefix, d) -> prefix + d);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(80);
        // real numbers with one random edit: the near misses a form really gets
        Arbitrary<String> edited = Combinators.combine(
                Arbitraries.of("+27 67 951 8124", "067 951 8124", "0027 (0)67 951 8124", "+1 650 253 0000",
                        "(650) 253-0000", "020 7946 0958", "+44 7400 123456", "27679518124", "+234 803 123 4567"),
                Arbitraries.integers().between(0, 30), Arbitraries.of(' ', '-', '.', '(', ')', '+', '0', '1', '9', '#',
                        'x', '/'),
                Arbitraries.of("keep", "insert", "delete", "replace")).as((base, at, c, edit) -> {
                    int i = Math.min(at, base.length() - 1);
                    switch (edit) {
                        case "insert":
                            return base.substring(0, i) + c + base.substring(i);
                        case "delete":
                            return base.substring(0, i) + base.substring(i + 1);
                        case "replace":
                            return base.substring(0, i) + c + base.substring(i + 1);
                        default:
                            return base;
                    }
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, edited), net.jqwik.api.Tuple.of(2, plausible),
                net.jqwik.api.Tuple.of(2, digitsOnly), net.jqwik.api.Tuple.of(1, anything),
                net.jqwik.api.Tuple.of(1, texts()));
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(null, "ZA", "za", "US", "GB", "NG", "KE")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("XX", "", " ", "ZZ", "001", "zaf")));
    }

    @Property(tries = 3000)
    @StatisticsReport(format = Histogram.class)
    void anyPhoneStringIsAcceptedOrRefusedWithAnInvalidInputException(@ForAll("phoneLike") String input,
            @ForAll("regions") String region) {
        // the generators reach acceptance and every reason but HAS_EXTENSION (which needs a valid number first)
        Statistics.coverage(coverage -> {
            coverage.check("accepted").percentage(p -> p > 10);
            for (InvalidPhoneNumberException.Reason reason : InvalidPhoneNumberException.Reason.values()) {
                if (reason != InvalidPhoneNumberException.Reason.HAS_EXTENSION) {
                    coverage.check(reason.name()).count(n -> n > 0);
                }
            }
        });
        WhatsAppNumber number;
        try {
            number = WhatsAppNumber.parse(input, region);
            Statistics.collect("accepted");
        } catch (InvalidPhoneNumberException e) {
            Statistics.collect(e.reason().name());
            String digits = input == null ? "" : input.replaceAll("[^0-9]", "");
            if (digits.length() >= 8) {
                assertThat(e.getMessage()).doesNotContain(digits);
            }
            assertThat(e.reason()).isNotNull();
            return;
        } catch (InvalidInputException e) {
            return;
        }
        // libphonenumber, not E.164's 15, sets the limit: some German numbers have 16 digits
        assertThat(number.digits()).matches("[1-9][0-9]{4,16}");
        assertThat(WhatsAppNumber.parse(number.e164())).isEqualTo(number);
        assertThat(WhatsAppNumber.parse(number.international())).isEqualTo(number);
        assertThat(WhatsAppLink.builder().phone(input).defaultRegion(region).build().phoneDigits())
                .contains(number.digits());
    }
}
