package kgan.game;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import kgan.autodiff.Tensor;

/**
 * The game's vector field F(z) at one state and batch: for each player asked for, the
 * velocity of each of its parameters (the direction gradient play moves it), aligned with
 * {@link KernelGuidedGame#parameters(Player)}; and the objectives' values.
 */
public record Field(Map<Player, List<Tensor>> velocity, Objectives objectives) {

    public Field {
        velocity = new EnumMap<>(velocity);
    }

    /** The velocity of one player's parameters. */
    public List<Tensor> of(Player player) {
        List<Tensor> v = velocity.get(player);
        if (v == null) {
            throw new IllegalArgumentException("the field was not evaluated for " + player);
        }
        return v;
    }
}
