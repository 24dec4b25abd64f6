package io.gendict.priors.vae;

/**
 * One affine layer of the exported decoder, in evaluation order: out = activation(W·in + b).
 *
 * @param weight     key of the out×in weight in {@link VaeModel#weights()}, e.g. {@code fc3.weight}
 * @param bias       key of the 1×out bias, e.g. {@code fc3.bias}
 * @param activation {@code relu} or {@code sigmoid}
 * @since 0.1
 */
public record DecoderLayer(String weight, String bias, String activation) {
}
