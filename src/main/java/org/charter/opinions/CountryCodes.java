package org.charter.opinions;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ISO 3166-1 alpha-3 codes for the country names surveys use, so that results can be drawn on a world map.
 * Names are matched after removing a sample note in parentheses ("India (Current national sample)" is India), against
 * the JDK's English country names and a table of the spellings Pew and the World Values Survey use ("S. Korea",
 * "Czech Rep.", "Palest. ter.", "Britain"). Regions that are not countries ("Northern Ireland") have no code.
 */
public final class CountryCodes {

    private static final Pattern SAMPLE_NOTE = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            Locale l = Locale.of("", alpha2);
            CODES.put(key(l.getDisplayCountry(Locale.ENGLISH)), l.getISO3Country());
        }
        String[][] aliases = {
                {"Britain", "GBR"}, {"Great Britain", "GBR"}, {"United Kingdom", "GBR"}, {"UK", "GBR"},
                {"S. Korea", "KOR"}, {"South Korea", "KOR"}, {"Korea", "KOR"}, {"Republic of Korea", "KOR"},
                {"N. Korea", "PRK"}, {"North Korea", "PRK"},
                {"Czech Rep.", "CZE"}, {"Czech Republic", "CZE"}, {"Czechia", "CZE"},
                {"Slovak Republic", "SVK"}, {"S. Africa", "ZAF"}, {"South Africa", "ZAF"},
                {"Palest. ter.", "PSE"}, {"Palestinian territories", "PSE"}, {"Palestine", "PSE"},
                {"Taiwan ROC", "TWN"}, {"Taiwan", "TWN"}, {"Hong Kong SAR", "HKG"}, {"Hong Kong", "HKG"},
                {"Macau SAR", "MAC"}, {"Macau", "MAC"}, {"Macao", "MAC"},
                {"Bosnia Herzegovina", "BIH"}, {"Bosnia and Herzegovina", "BIH"}, {"Bosnia", "BIH"},
                {"North Macedonia", "MKD"}, {"Macedonia", "MKD"},
                {"Ivory Coast", "CIV"}, {"Cote d'Ivoire", "CIV"}, {"Côte d'Ivoire", "CIV"},
                {"Russia", "RUS"}, {"Russian Federation", "RUS"}, {"Iran", "IRN"}, {"Vietnam", "VNM"},
                {"Viet Nam", "VNM"}, {"Venezuela", "VEN"}, {"Bolivia", "BOL"}, {"Tanzania", "TZA"},
                {"Syria", "SYR"}, {"Laos", "LAO"}, {"Moldova", "MDA"}, {"Turkey", "TUR"}, {"Türkiye", "TUR"},
                {"United States", "USA"}, {"USA", "USA"}, {"U.S.", "USA"}, {"America", "USA"},
                {"Kyrgyzstan", "KGZ"}, {"Kyrgyz Republic", "KGZ"}, {"Myanmar", "MMR"}, {"Burma", "MMR"},
                {"Congo", "COG"}, {"DR Congo", "COD"}, {"Democratic Republic of the Congo", "COD"},
                {"Brunei", "BRN"}, {"Eswatini", "SWZ"}, {"Swaziland", "SWZ"}, {"Cape Verde", "CPV"},
                {"East Timor", "TLS"}, {"Timor-Leste", "TLS"}, {"Holland", "NLD"}, {"UAE", "ARE"},
                {"United Arab Emirates", "ARE"}, {"Kosovo", "XKX"},
        };
        for (String[] a : aliases) {
            CODES.put(key(a[0]), a[1]);
        }
    }

    private CountryCodes() {
    }

    public static Optional<String> iso3(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String base = SAMPLE_NOTE.matcher(name).replaceAll("");
        return Optional.ofNullable(CODES.get(key(base)));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }
}
