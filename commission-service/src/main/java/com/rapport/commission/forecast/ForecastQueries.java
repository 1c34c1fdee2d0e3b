package com.rapport.commission.forecast;

import com.rapport.commission.config.BsonValues;
import com.rapport.commission.ledger.EntryType;
import com.rapport.commission.ledger.LedgerEntryDocument;
import com.rapport.commission.ledger.OpenCommission;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The forecast (COMMISSIONS.md "Forecast") and each introducer's open commissions (the projected balance), from the
 * referral outlooks and the ledger. "Today" is the service's clock.
 */
@Component
public class ForecastQueries {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    ForecastQueries(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * {@code months} calendar months from the current one, per currency; {@code partnerId} null = every partner.
     * {@code payable}: entries already written (not payouts, not held) whose payableAt falls in the month and is not
     * before today; {@code fromSchedule}: what the unpaid instalments of open referrals would earn.
     */
    public Mono<Forecast> forecast(String partnerId, int months) {
        LocalDate today = LocalDate.now(clock);
        YearMonth first = YearMonth.from(today);
        YearMonth last = first.plusMonths(months - 1L);
        Predicate<String> whose = partnerId == null ? p -> true : partnerId::equals;
        Map<String, Map<YearMonth, Money[]>> byCurrency = new TreeMap<>();

        Criteria written = Criteria.where("type").ne(EntryType.PAYOUT.name())
                .and("payableAt").gte(BsonValues.date(today)).lte(BsonValues.date(last.atEndOfMonth()))
                .and("hold").is(null);
        if (partnerId != null) {
            written = written.and("partnerId").is(partnerId);
        }
        Mono<Void> payable = mongo.find(Query.query(written), LedgerEntryDocument.class)
                .map(LedgerEntryDocument::toEntry)
                .doOnNext(entry -> add(byCurrency, YearMonth.from(entry.payableAt()), entry.amount(), 0))
                .then();
        Mono<Void> fromSchedule = outlooks(partnerId)
                .doOnNext(outlook -> ScheduleForecast.expectedEntries(outlook, today, whose, expected -> {
                    YearMonth month = YearMonth.from(expected.payableAt());
                    if (!month.isAfter(last)) {
                        add(byCurrency, month, expected.amount(), 1);
                    }
                }))
                .then();
        return payable.then(fromSchedule).then(Mono.fromSupplier(() -> {
            List<Forecast.Month> result = new ArrayList<>();
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                for (Map.Entry<String, Map<YearMonth, Money[]>> currency : byCurrency.entrySet()) {
                    Currency code = Money.currencyOf(currency.getKey());
                    Money[] sums = currency.getValue().getOrDefault(month,
                            new Money[]{Money.zero(code), Money.zero(code)});
                    result.add(new Forecast.Month(month.toString(), currency.getKey(), sums[0], sums[1]));
                }
            }
            return new Forecast(partnerId, result);
        }));
    }

    /** Open (CONTRACTED, DELIVERED) referrals where the partner introduced: what each will still earn. */
    public Flux<OpenCommission> openCommissionsOf(String partnerId) {
        return outlooks(partnerId)
                .filter(outlook -> outlook.stage().isOpen())
                .flatMapIterable(outlook -> outlook.roles().stream()
                        .filter(role -> role.role() == CommissionRole.INTRODUCER && partnerId.equals(role.partnerId()))
                        .map(role -> new OpenCommission(outlook.referralId(), partnerId,
                                role.terms().fullTarget(outlook.contractValue()), role.earned(), outlook.stage()))
                        .toList());
    }

    private Flux<ReferralOutlook> outlooks(String partnerId) {
        Query query = partnerId == null ? new Query() : Query.query(Criteria.where("partners").is(partnerId));
        return mongo.find(query, OutlookDocument.class).map(OutlookDocument::toOutlook);
    }

    /** Months before the current one (an entry already payable) are not what is still to come: left out. */
    private static void add(Map<String, Map<YearMonth, Money[]>> byCurrency, YearMonth month, Money amount, int column) {
        Money[] sums = byCurrency.computeIfAbsent(amount.currencyCode(), c -> new TreeMap<>(Comparator.naturalOrder()))
                .computeIfAbsent(month, m -> new Money[]{Money.zero(amount.currency()), Money.zero(amount.currency())});
        sums[column] = sums[column].plus(amount);
    }
}
