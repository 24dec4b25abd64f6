package io.gendict.core.contract;

/**
 * A component broke a rule of its contract. An {@link AssertionError}, so that JUnit and
 * QuickTheories report it as a failed property, but of gendict's own type, so that the product can
 * tell it from other errors.
 *
 * @since 0.1
 */
public final class ContractViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** @param message one line: the component, what differs, and the seed that shows it */
    public ContractViolation(String message) {
        super(message);
    }

    /**
     * @param message one line
     * @param cause   what the component threw
     */
    public ContractViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
