package com.rapport.referral.partner;

import com.rapport.support.id.PartnerId;
import java.util.Optional;

/**
 * The command side's way to ask whether a partner exists (a parent, the partner a referral is credited to) without
 * depending on a read model that may be being rebuilt.
 */
public interface PartnerDirectory {

    Optional<RegisteredPartner> find(PartnerId partnerId);
}
