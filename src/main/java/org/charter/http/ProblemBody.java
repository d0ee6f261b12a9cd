package org.charter.http;


/**
 * An RFC 7807 problem document: {@code detail} says what was wrong in a sentence, {@code where} names the
 * field, parameter or file:line at fault (absent when the whole request is).
 */
public record ProblemBody(String type, String title, int status, String detail, String where) {
}
