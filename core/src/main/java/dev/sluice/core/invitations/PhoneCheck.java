package dev.sluice.core.invitations;

/** What {@link PhoneNumbers#check} made of the text a client sent. */
public sealed interface PhoneCheck {

    /** A valid number, normalised to E.164. */
    record Valid(PhoneNumber number) implements PhoneCheck {
    }

    /** Not a usable number; {@code reason} says why without repeating the number. */
    record Invalid(String reason) implements PhoneCheck {
    }
}
