package dev.sluice.chaos;

/** The result of one invariant: its figures (record components, serialised into the final line) and a verdict. */
public interface InvariantCheck {

    String name();

    boolean passed();
}
