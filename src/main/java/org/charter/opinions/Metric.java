package org.charter.opinions;

/** Which similarity Charter computes between a model's and a country's answer distribution. */
public enum Metric {
    /** 1 − Jensen–Shannon distance (Durmus et al. 2023): every question. The primary metric. */
    JSD("jsd"),
    /** 1 − normalized 1-Wasserstein distance (Santurkar et al. 2023, OpinionQA): ordinal questions only. A second metric. */
    WASSERSTEIN("wasserstein");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Metric parse(String text) {
        for (Metric m : values()) {
            if (m.label.equalsIgnoreCase(text == null ? "" : text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("metric must be jsd or wasserstein, not '" + text + "'");
    }
}
