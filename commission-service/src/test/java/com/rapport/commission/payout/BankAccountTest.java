package com.rapport.commission.payout;

import com.rapport.support.domain.CommandRefused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BankAccountTest {

    @Test
    void anIbanIsKeptInElectronicForm() {
        BankAccount account = BankAccount.validated(" Li Wei ", "gb82 west 1234 5698 7654 32", "westgb2l");

        assertThat(account).isEqualTo(new BankAccount("Li Wei", "GB82WEST12345698765432", "WESTGB2L"));
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        assertThatThrownBy(() -> BankAccount.validated("X", "GB83WEST12345698765432", null))
                .isInstanceOfSatisfying(CommandRefused.class, e -> assertThat(e.slug()).isEqualTo("invalid-iban"));
    }

    @Test
    void anIbanOfTheWrongLengthForItsCountryIsRefused() {
        assertThatThrownBy(() -> BankAccount.validated("X", "DE8937040044053201300", null))
                .isInstanceOfSatisfying(CommandRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(CommandRefused.Reason.INVALID));
    }

    @Test
    void aMalformedBicIsRefusedAndNoBicIsFine() {
        assertThatThrownBy(() -> BankAccount.validated("X", "GB82WEST12345698765432", "WEST"))
                .isInstanceOfSatisfying(CommandRefused.class, e -> assertThat(e.slug()).isEqualTo("invalid-bic"));
        assertThat(BankAccount.validated("X", "GB82WEST12345698765432", " ").bic()).isNull();
    }
}
