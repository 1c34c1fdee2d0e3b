package com.rapport.notification.intake;

import com.rapport.events.referral.CreditShare;
import com.rapport.notification.directory.PartnerDirectory;
import com.rapport.notification.directory.ReferralDirectory;
import com.rapport.notification.directory.ReferralFile;
import com.rapport.support.id.PartnerId;
import com.rapport.support.id.ReferralId;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a referral event is told to and the names its messages use, from what is on file here, never waiting for
 * another partition: what is not known yet is said without the name ({@link EventMessages#UNNAMED_CLIENT}).
 */
@Component
class ReferralNames {

    private final ReferralDirectory referrals;
    private final PartnerDirectory partners;

    ReferralNames(ReferralDirectory referrals, PartnerDirectory partners) {
        this.referrals = referrals;
        this.partners = partners;
    }

    /** The client's company, or the unnamed client where the referral is not on file. */
    Object clientOf(ReferralId referralId) {
        return referralId == null ? EventMessages.UNNAMED_CLIENT
                : referrals.find(referralId).<Object>map(ReferralFile::clientCompany)
                .orElse(EventMessages.UNNAMED_CLIENT);
    }

    /**
     * The introducer whose client earned this override partner its commission: the co-introducer whose parent it
     * is, else the referring partner; by name, or unnamed.
     */
    Object introducerFor(ReferralId referralId, PartnerId overridePartner) {
        Optional<ReferralFile> file = referrals.find(referralId);
        if (file.isEmpty()) {
            return EventMessages.UNNAMED_PARTNER;
        }
        String overridePartnerId = overridePartner.value();
        String introducer = file.get().creditsOrReferrer().stream()
                .filter(credit -> overridePartnerId.equals(credit.parentPartnerId())
                        || partners.find(PartnerId.of(credit.partnerId()))
                        .map(contact -> overridePartnerId.equals(contact.parentPartnerId())).orElse(false))
                .map(ReferralFile.Credit::partnerId).findFirst().orElse(file.get().partnerId());
        return partners.find(PartnerId.of(introducer)).<Object>map(contact -> contact.name())
                .filter(name -> name != null).orElse(EventMessages.UNNAMED_PARTNER);
    }

    /**
     * Whom a referral event is told to: each co-introducer of its shares (every one sees the referral as its own),
     * or, for events written before they carried shares, the partner it names.
     */
    static List<CreditShare> recipients(PartnerId partnerId, List<CreditShare> shares) {
        Set<String> seen = new LinkedHashSet<>();
        List<CreditShare> recipients = new ArrayList<>();
        for (CreditShare share : shares) {
            if (share.partnerId() != null && !share.partnerId().isBlank() && seen.add(share.partnerId())) {
                recipients.add(share);
            }
        }
        return recipients.isEmpty() ? List.of(CreditShare.whole(partnerId.value())) : recipients;
    }
}
