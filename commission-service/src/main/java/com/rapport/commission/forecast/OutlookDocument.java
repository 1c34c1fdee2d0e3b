package com.rapport.commission.forecast;

import com.rapport.commission.accrual.RateLocked;
import com.rapport.commission.accrual.ReferralStage;
import com.rapport.commission.accrual.RoleTerms;
import com.rapport.commission.forecast.ReferralOutlook.RoleOutlook;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import com.rapport.events.referral.ScheduledInstalment;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A referral outlook as {@code referral_outlooks} keeps it: {@code _id} = referralId, {@code partners} = everyone
 * with a role (indexed reads), {@code firstIntroducer} = the introducer of the first rate locked (entries written
 * before co-introducers name none). Due dates stay ISO strings, rates and shares decimal strings.
 */
@Document(OutlookDocument.OUTLOOKS)
record OutlookDocument(@Id String referralId, Money contractValue, Money netCash, ReferralStage stage,
                       String firstIntroducer, List<Instalment> schedule, List<Role> roles, List<String> partners) {

    static final String OUTLOOKS = "referral_outlooks";

    OutlookDocument {
        schedule = schedule == null ? List.of() : schedule;
        roles = roles == null ? List.of() : roles;
    }

    /** A referral's outlook when its first rate is locked: nothing paid or earned yet. */
    static OutlookDocument contracted(RateLocked event) {
        return new OutlookDocument(event.referralId(), event.contractValue(),
                Money.zero(event.contractValue().currency()), ReferralStage.CONTRACTED, event.introducerPartnerId(),
                List.of(), List.of(), List.of());
    }

    static String key(CommissionRole role, String introducerPartnerId) {
        return role + "/" + introducerPartnerId;
    }

    /** The outlook with the event's role locked (replacing the same role's earlier lock). */
    OutlookDocument withRole(RateLocked event) {
        String key = key(event.role(), event.introducerPartnerId());
        List<Role> locked = new ArrayList<>(roles);
        locked.removeIf(role -> key.equals(role.key()));
        locked.add(Role.of(key, event));
        return new OutlookDocument(referralId, contractValue, netCash, stage, firstIntroducer, schedule, locked,
                locked.stream().map(Role::partnerId).distinct().toList());
    }

    OutlookDocument withNetCash(Money value) {
        return new OutlookDocument(referralId, contractValue, value, stage, firstIntroducer, schedule, roles, partners);
    }

    OutlookDocument withContractValue(Money value) {
        return new OutlookDocument(referralId, value, netCash, stage, firstIntroducer, schedule, roles, partners);
    }

    OutlookDocument withStage(ReferralStage value) {
        return new OutlookDocument(referralId, contractValue, netCash, value, firstIntroducer, schedule, roles, partners);
    }

    OutlookDocument withSchedule(List<ScheduledInstalment> value) {
        return new OutlookDocument(referralId, contractValue, netCash, stage, firstIntroducer,
                value.stream().map(Instalment::of).toList(), roles, partners);
    }

    /** The outlook with what the role of this key earned so far. */
    OutlookDocument withEarned(String key, Money earned) {
        return new OutlookDocument(referralId, contractValue, netCash, stage, firstIntroducer, schedule, roles.stream()
                .map(role -> key.equals(role.key()) ? role.withEarned(earned) : role).toList(), partners);
    }

    ReferralOutlook toOutlook() {
        return new ReferralOutlook(referralId, contractValue, netCash, stage,
                schedule.stream().map(Instalment::toInstalment).toList(),
                roles.stream().map(Role::toRoleOutlook).toList());
    }

    /** One instalment of the client's schedule; {@code dueDate} an ISO date string. */
    record Instalment(String name, String dueDate, Money amount) {

        static Instalment of(ScheduledInstalment instalment) {
            return new Instalment(instalment.name(), Objects.toString(instalment.dueDate(), null),
                    instalment.amount());
        }

        ScheduledInstalment toInstalment() {
            return new ScheduledInstalment(name, dueDate == null ? null : LocalDate.parse(dueDate), amount);
        }
    }

    /** One locked role; {@code rate} and {@code share} decimal strings, {@code cap} and {@code flatFee} money. */
    record Role(String key, CommissionRole role, String partnerId, String rate, String share, Money cap,
                Money flatFee, Integer holdDays, Money earned) {

        static Role of(String key, RateLocked event) {
            RoleTerms terms = event.terms();
            return new Role(key, event.role(), event.partnerId(), decimal(terms.rate()), decimal(terms.share()),
                    terms.cap(), terms.flatFee(), event.holdDays(), Money.zero(event.contractValue().currency()));
        }

        Role withEarned(Money value) {
            return new Role(key, role, partnerId, rate, share, cap, flatFee, holdDays, value);
        }

        RoleOutlook toRoleOutlook() {
            return new RoleOutlook(key, role, partnerId, new RoleTerms(decimal(rate), decimal(share), cap, flatFee),
                    holdDays == null ? 0 : holdDays, earned);
        }

        private static String decimal(BigDecimal value) {
            return value == null ? null : value.toPlainString();
        }

        private static BigDecimal decimal(String value) {
            return value == null ? null : new BigDecimal(value);
        }
    }
}
