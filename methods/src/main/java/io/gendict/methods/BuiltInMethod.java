package io.gendict.methods;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.param.ParamSpec;
import io.gendict.core.spi.MethodProvider;
import io.gendict.core.spi.UpdateRule;

/**
 * What the built-in methods share: a name, a description, no parameters unless a subclass declares
 * them, and the error for a rule given to a method that fits A without one.
 */
abstract class BuiltInMethod implements MethodProvider {
    private final String name;
    private final String description;

    BuiltInMethod(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.empty();
    }

    /**
     * @param rule the rule the caller composed in, or {@code null}
     * @param how  how the method updates A instead, e.g. {@code "updates A by joint Adam"}
     * @throws GendictException INVALID_PARAMETER naming {@code --update} when a rule was given
     */
    final void refuseRule(UpdateRule rule, String how) {
        if (rule != null) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER,
                    "--update: method '" + name + "' " + how + " and takes no update rule");
        }
    }
}
