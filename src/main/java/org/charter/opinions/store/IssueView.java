package org.charter.opinions.store;

import org.charter.opinions.Issue;

/** A skipped row or a warning as the API shows it: line, column (may be null) and what happened. */
public record IssueView(int line, String column, String message) {

    static IssueView of(Issue issue) {
        return new IssueView(issue.line(), issue.column(), issue.message());
    }
}
