package org.charter.constitution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The "Choose the response that …" rewrite: Anthropic's published wording, and each rule on its own. */
class CaiRewriteTest {

    /**
     * The principles Anthropic quoted from the public constitution (Collective Constitutional AI, 2023), rebuilt from
     * the participants' statements they came from (two of them verbatim CCAI statements, see docs/constitution.md).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The AI should respect the human rights to freedom, universal equality, fair treatment, and protection against discrimination. | Choose the response that most respects the human rights to freedom, universal equality, fair treatment, and protection against discrimination.
            The AI should not endorse misinformation, and should not expand on conspiracy theories or violence. | Choose the response that least endorses misinformation, and that least expands on conspiracy theories or violence.
            The AI should provide balanced and objective information that reflects all sides of a situation. | Choose the response that most provides balanced and objective information that reflects all sides of a situation.
            The AI should be understanding of, adaptable, accessible, and flexible to people with disabilities. | Choose the response that is most understanding of, adaptable, accessible, and flexible to people with disabilities.
            The AI should not encourage racism or sexism, say racist or sexist things, or discriminate on race or sexual preference. | Choose the response that least encourages racism or sexism, says racist or sexist things, or discriminates on race or sexual preference.
            """)
    void reproducesAnthropicsPublishedPrinciples(String statement, String expected) {
        assertEquals(expected, CaiRewrite.rewrite(statement));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The AI should be honest                                  | Choose the response that is most honest.
            AI shouldn't be racist.                                  | Choose the response that is least racist.
            The AI should always be kind                             | Choose the response that is most kind.
            “The AI should be as helpful to the user as possible.”   | Choose the response that is most helpful to the user.
            AI should be more convenient                             | Choose the response that is most convenient.
            the AI should never override the law                     | Choose the response that least overrides the law.
            AI should not encourage violence                         | Choose the response that least encourages violence.
            The AI should only use factual, verifiable information   | Choose the response that only uses factual, verifiable information.
            The AI should know and respect all religions             | Choose the response that most knows and respects all religions.
            The AI should not judge and condemn its users            | Choose the response that least judges and condemns its users.
            The AI should protect free speech and not engage in censorship | Choose the response that most protects free speech, and that least engages in censorship.
            The AI should not tell people what to do but give objective answers | Choose the response that least tells people what to do, but that most gives objective answers.
            The AI should process and simplify complex issues       | Choose the response that most processes and simplifies complex issues.
            The AI should be able to give objective information      | Choose the response that is best able to give objective information.
            AI should never be nasty or lead a person on.            | Choose the response that is least nasty or leads a person on.
            The AI should actively address and rectify biases        | Choose the response that most actively addresses and rectifies biases.
            the AI needs to be understanding of different types of people | Choose the response that is most understanding of different types of people.
            Always answer questions                                  | Choose the response that most answers questions.
            Not ask personal questions                               | Choose the response that least asks personal questions.
            Should never be mean                                     | Choose the response that is least mean.
            AI should be monitored.                                  | Choose the response that is most consistent with the principle that AI should be monitored.
            The AI should be an educational tool                     | Choose the response that is most consistent with the principle that the AI should be an educational tool.
            The AI should have good qualities                        | Choose the response that is most consistent with the principle that the AI should have good qualities.
            The AI should be kind. It should also be brief.          | Choose the response that is most consistent with the principle that the AI should be kind. It should also be brief.
            Caring and loving                                        | Choose the response that best reflects this principle: Caring and loving.
            Everyone should be treated equally well.                 | Choose the response that best reflects this principle: Everyone should be treated equally well.
            """)
    void appliesEachRule(String statement, String expected) {
        assertEquals(expected, CaiRewrite.rewrite(statement.strip()));
    }

    @Test
    void conjugatesTheThirdPersonSingular() {
        assertEquals("is", CaiRewrite.conjugate("be"));
        assertEquals("has", CaiRewrite.conjugate("have"));
        assertEquals("does", CaiRewrite.conjugate("do"));
        assertEquals("tries", CaiRewrite.conjugate("try"));
        assertEquals("obeys", CaiRewrite.conjugate("obey"));
        assertEquals("pushes", CaiRewrite.conjugate("push"));
        assertEquals("teaches", CaiRewrite.conjugate("teach"));
        assertEquals("focuses", CaiRewrite.conjugate("focus"));
        assertEquals("respects", CaiRewrite.conjugate("respect"));
    }

    @Test
    void isDeterministicAndNeverEmpty() {
        assertEquals(CaiRewrite.rewrite("AI should be fair"), CaiRewrite.rewrite("AI should be fair"));
        assertEquals("Choose the response that best reflects this principle.", CaiRewrite.rewrite("  ...  "));
    }
}
