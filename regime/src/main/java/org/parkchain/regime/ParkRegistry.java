package org.parkchain.regime;

import static org.parkchain.regime.RegistryLayout.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.parkchain.primitives.Address;
import org.parkchain.primitives.Hash;
import org.parkchain.primitives.UInt256;
import org.parkchain.primitives.abi.Tuple;

/** IParkRegistry at 0x…1000: the board and its proposals, residents, clients, blocked addresses, the levy. */
final class ParkRegistry extends SystemContract {
    static final Hash PROPOSAL_CREATED = eventTopic("ProposalCreated(uint256,address,address,bytes)");
    static final Hash PROPOSAL_APPROVED = eventTopic("ProposalApproved(uint256,address)");
    static final Hash PROPOSAL_EXECUTED = eventTopic("ProposalExecuted(uint256)");
    static final Hash BOARD_CHANGED = eventTopic("BoardChanged(address,bool)");
    static final Hash THRESHOLD_CHANGED = eventTopic("ThresholdChanged(uint256)");
    static final Hash RESIDENCY_APPLIED = eventTopic("ResidencyApplied(address,string,bytes32)");
    static final Hash RESIDENT_STATUS_CHANGED = eventTopic("ResidentStatusChanged(address,uint8,bytes32)");
    static final Hash ROLES_CHANGED = eventTopic("RolesChanged(address,uint256)");
    static final Hash ACCOUNT_BOUND = eventTopic("AccountBound(address,address,bool)");
    static final Hash CLIENT_REGISTERED = eventTopic("ClientRegistered(address,address,uint8,bytes2)");
    static final Hash CLIENT_REMOVED = eventTopic("ClientRemoved(address)");
    static final Hash ADDRESS_BLOCKED = eventTopic("AddressBlocked(address,bytes32)");
    static final Hash ADDRESS_UNBLOCKED = eventTopic("AddressUnblocked(address)");
    static final Hash LEVY_RATE_CHANGED = eventTopic("LevyRateChanged(uint256)");
    static final Hash TREASURY_CHANGED = eventTopic("TreasuryChanged(address)");
    static final Hash LEVY_PAID = eventTopic("LevyPaid(address,address,uint256,uint256,bytes32)");

    /** Longest resident name accepted, in UTF-8 bytes: a legal name, not a place to store documents. */
    static final int MAX_NAME_BYTES = 256;
    /** Longest proposal call accepted: every board decision's call data is a few words. */
    static final int MAX_PROPOSAL_CALL_BYTES = 4096;
    static final long MAX_LEVY_BPS = 10_000;

    ParkRegistry() {
        super("registry");
        // --- board ---
        function("boardMembers()", (f, a) -> returnsAddresses(f.storage().addresses(BOARD)));
        function("threshold()", (f, a) -> returnsUint(f.storage().load(THRESHOLD)));
        function("propose(address,bytes)", this::propose);
        function("approve(uint256)", this::approve);
        function("proposal(uint256)", this::describeProposal);
        function("addBoardMember(address)", this::addBoardMember);
        function("removeBoardMember(address)", this::removeBoardMember);
        function("setThreshold(uint256)", this::setThreshold);
        // --- residents ---
        function("applyForResidency(string,bytes32,bytes32)", this::applyForResidency);
        function("admitResident(address,uint256)", this::admitResident);
        function("setRoles(address,uint256)", this::setRoles);
        function("suspendResident(address,bytes32)", (f, a) -> changeStatus(f, a, ResidentStatus.SUSPENDED));
        function("reinstateResident(address)", (f, a) -> changeStatus(f, a, ResidentStatus.RESIDENT));
        function("revokeResident(address,bytes32)", (f, a) -> changeStatus(f, a, ResidentStatus.REVOKED));
        function("addAccount(address)", this::addAccount);
        function("removeAccount(address)", this::removeAccount);
        function("residentOf(address)", (f, a) -> returnsAddress(f.registry().residentOf(a.address(0))));
        function("getResident(address)", this::getResident);
        function("residents()", (f, a) -> returnsAddresses(f.storage().addresses(RESIDENTS)));
        function("hasRole(address,uint256)", (f, a) -> {
            UInt256 role = a.uint256(1);
            return returnsBool(role.fitsLong() && f.registry().hasRole(a.address(0), role.toLong()));
        });
        // --- clients ---
        function("registerClient(address,uint8,bool,bytes2,bytes32,uint64)", this::registerClient);
        function("removeClient(address)", this::removeClient);
        function("getClient(address)", this::getClient);
        function("isVerified(address)", (f, a) -> returnsBool(f.registry().isVerified(a.address(0), f.now())));
        // --- blocked addresses ---
        function("blockAddress(address,bytes32)", this::blockAddress);
        function("unblockAddress(address)", this::unblockAddress);
        function("isBlocked(address)", (f, a) -> returnsBool(f.registry().isBlocked(a.address(0))));
        // --- levy ---
        function("treasury()", (f, a) -> returnsAddress(f.storage().address(TREASURY)));
        function("levyRateBps()", (f, a) -> returnsUint(f.storage().load(LEVY_RATE_BPS)));
        function("setLevyRateBps(uint256)", this::setLevyRateBps);
        function("setTreasury(address)", this::setTreasury);
        function("levyPaid(address,address)", (f, a) -> returnsUint(f.storage().load(levyPaid(a.address(0), a.address(1)))));
    }

    /** Board decisions run only as the registry executing a proposal. */
    private void requireBoard(Frame f) {
        require(f.caller.equals(SystemAddresses.REGISTRY), "board-only function, call it through a proposal");
    }

    private void requireMember(Frame f) {
        require(f.registry().isBoardMember(f.caller), "caller is not a board member");
    }

    // --- board ------------------------------------------------------------------------------------------------

    private byte[] propose(Frame f, Tuple a) {
        Address target = a.address(0);
        byte[] call = a.bytes(1);
        f.requireWritable();
        requireMember(f);
        require(f.contracts.isSystemContract(f.world, target), "proposal target is not a system contract or park token");
        require(call.length >= 4, "proposal call has no function selector");
        require(call.length <= MAX_PROPOSAL_CALL_BYTES, "proposal call is longer than " + MAX_PROPOSAL_CALL_BYTES + " bytes");
        var s = f.storage();
        long id = s.small(PROPOSAL_COUNT) + 1;
        s.store(PROPOSAL_COUNT, id);
        s.store(proposal(id, P_PROPOSER), f.caller);
        s.store(proposal(id, P_TARGET), target);
        s.store(proposal(id, P_CALL), call);
        f.emit(PROPOSAL_CREATED, List.of(Slots.topic(id), Slots.topic(f.caller), Slots.topic(target)),
                Tuple.builder().bytes(call).build().encode());
        recordApproval(f, id);
        return returnsUint(id);
    }

    private byte[] approve(Frame f, Tuple a) {
        UInt256 rawId = a.uint256(0);
        f.requireWritable();
        requireMember(f);
        var s = f.storage();
        require(rawId.fitsLong() && rawId.toLong() >= 1 && rawId.toLong() <= s.small(PROPOSAL_COUNT), "no proposal " + rawId);
        long id = rawId.toLong();
        require(!s.flag(proposal(id, P_EXECUTED)), "proposal " + id + " is already executed");
        require(!s.flag(approved(id, f.caller)), "caller has already approved proposal " + id);
        recordApproval(f, id);
        return NOTHING;
    }

    /**
     * Counts the caller's approval and executes the proposal once the threshold is reached. The call runs with
     * msg.sender = the registry; if it reverts, the revert propagates, so the approval is undone with it and the
     * proposal stays unexecuted, as IParkRegistry specifies.
     */
    private void recordApproval(Frame f, long id) {
        var s = f.storage();
        s.store(approved(id, f.caller), true);
        long approvals = s.small(proposal(id, P_APPROVALS)) + 1;
        s.store(proposal(id, P_APPROVALS), approvals);
        f.emit(PROPOSAL_APPROVED, List.of(Slots.topic(id), Slots.topic(f.caller)), NOTHING);
        if (approvals >= s.small(THRESHOLD)) {
            // Marked before the call so a call that reaches back into the registry cannot execute it twice.
            s.store(proposal(id, P_EXECUTED), true);
            Address target = s.address(proposal(id, P_TARGET));
            byte[] call = s.bytes(proposal(id, P_CALL));
            f.contracts.dispatch(f.callInto(target), call);
            f.emit(PROPOSAL_EXECUTED, List.of(Slots.topic(id)), NOTHING);
        }
    }

    private byte[] describeProposal(Frame f, Tuple a) {
        UInt256 rawId = a.uint256(0);
        var s = f.storage();
        require(rawId.fitsLong() && rawId.toLong() >= 1 && rawId.toLong() <= s.small(PROPOSAL_COUNT), "no proposal " + rawId);
        long id = rawId.toLong();
        return Tuple.builder()
                .address(s.address(proposal(id, P_PROPOSER)))
                .address(s.address(proposal(id, P_TARGET)))
                .bytes(s.bytes(proposal(id, P_CALL)))
                .uint256(s.small(proposal(id, P_APPROVALS)))
                .bool(s.flag(proposal(id, P_EXECUTED)))
                .build().encode();
    }

    private byte[] addBoardMember(Frame f, Tuple a) {
        Address member = a.address(0);
        requireBoard(f);
        require(!member.equals(Address.ZERO) && !SystemAddresses.isReserved(member), "board member must be a person's account");
        require(!f.registry().isBoardMember(member), member + " is already a board member");
        require(!f.registry().isBlocked(member), member + " is blocked and cannot join the board");
        addMember(f, member);
        return NOTHING;
    }

    static void addMember(Frame f, Address member) {
        var s = f.storage();
        s.push(BOARD, member);
        s.store(Slots.mapping(BOARD_INDEX, member), s.small(BOARD));
        f.emit(BOARD_CHANGED, List.of(Slots.topic(member)), returnsBool(true));
    }

    private byte[] removeBoardMember(Frame f, Tuple a) {
        Address member = a.address(0);
        requireBoard(f);
        var s = f.storage();
        long index = s.small(Slots.mapping(BOARD_INDEX, member));
        require(index != 0, member + " is not a board member");
        long count = s.small(BOARD);
        require(count - 1 >= s.small(THRESHOLD), "removal would leave fewer board members than the threshold");
        // Swap the last member into the freed place so the list stays dense.
        UInt256 data = Slots.data(BOARD);
        Address last = s.address(Slots.field(data, count - 1));
        s.store(Slots.field(data, index - 1), last);
        s.store(Slots.mapping(BOARD_INDEX, last), index);
        s.store(Slots.field(data, count - 1), Address.ZERO);
        s.store(BOARD, count - 1);
        s.store(Slots.mapping(BOARD_INDEX, member), 0L);
        f.emit(BOARD_CHANGED, List.of(Slots.topic(member)), returnsBool(false));
        return NOTHING;
    }

    private byte[] setThreshold(Frame f, Tuple a) {
        UInt256 t = a.uint256(0);
        requireBoard(f);
        long members = f.storage().small(BOARD);
        require(t.fitsLong() && t.toLong() >= 1 && t.toLong() <= members,
                "threshold must be between 1 and the number of board members (" + members + ")");
        f.storage().store(THRESHOLD, t);
        f.emit(THRESHOLD_CHANGED, List.of(), returnsUint(t));
        return NOTHING;
    }

    // --- residents --------------------------------------------------------------------------------------------

    private byte[] applyForResidency(Frame f, Tuple a) {
        byte[] name = a.string(0).getBytes(StandardCharsets.UTF_8);
        Hash registrationNo = a.bytes32(1);
        Hash projectHash = a.bytes32(2);
        f.requireWritable();
        RegistryView rules = f.registry();
        require(!rules.isBlocked(f.caller), "applicant address is blocked");
        require(!SystemAddresses.isReserved(f.caller), "a system contract cannot apply for residency");
        require(rules.residentOf(f.caller).equals(Address.ZERO), "account already belongs to a resident or applicant");
        require(name.length > 0 && name.length <= MAX_NAME_BYTES, "name must be 1 to " + MAX_NAME_BYTES + " bytes");
        require(!projectHash.equals(Hash.ZERO), "business project hash is missing");
        var s = f.storage();
        Address applicant = f.caller;
        s.store(resident(applicant, R_STATUS), ResidentStatus.APPLICANT.ordinal());
        s.store(resident(applicant, R_NAME), name);
        s.store(resident(applicant, R_REGISTRATION_NO), registrationNo);
        s.store(resident(applicant, R_PROJECT_HASH), projectHash);
        s.store(resident(applicant, R_APPLIED_AT), f.now());
        s.store(Slots.mapping(RESIDENT_OF, applicant), applicant);
        s.push(RESIDENTS, applicant);
        f.emit(RESIDENCY_APPLIED, List.of(Slots.topic(applicant)),
                Tuple.builder().bytes(name).bytes32(registrationNo).build().encode());
        return NOTHING;
    }

    private byte[] admitResident(Frame f, Tuple a) {
        Address applicant = a.address(0);
        UInt256 roles = a.uint256(1);
        requireBoard(f);
        require(f.registry().status(applicant) == ResidentStatus.APPLICANT, applicant + " is not an applicant");
        requireRoles(roles);
        var s = f.storage();
        s.store(resident(applicant, R_STATUS), ResidentStatus.RESIDENT.ordinal());
        s.store(resident(applicant, R_ADMITTED_AT), f.now());
        s.store(resident(applicant, R_ROLES), roles);
        emitStatus(f, applicant, ResidentStatus.RESIDENT, Hash.ZERO);
        f.emit(ROLES_CHANGED, List.of(Slots.topic(applicant)), returnsUint(roles));
        return NOTHING;
    }

    private void requireRoles(UInt256 roles) {
        require(roles.fitsLong() && (roles.toLong() & ~Role.ALL) == 0, "unknown role bits " + roles);
    }

    private byte[] setRoles(Frame f, Tuple a) {
        Address primary = a.address(0);
        UInt256 roles = a.uint256(1);
        requireBoard(f);
        ResidentStatus status = f.registry().status(primary);
        require(status == ResidentStatus.RESIDENT || status == ResidentStatus.SUSPENDED, primary + " is not a resident");
        requireRoles(roles);
        f.storage().store(resident(primary, R_ROLES), roles);
        f.emit(ROLES_CHANGED, List.of(Slots.topic(primary)), returnsUint(roles));
        return NOTHING;
    }

    /** Suspension, reinstatement and revocation: which status each may start from is the lifecycle. */
    private byte[] changeStatus(Frame f, Tuple a, ResidentStatus to) {
        Address primary = a.address(0);
        Hash reason = to == ResidentStatus.RESIDENT ? Hash.ZERO : a.bytes32(1);
        requireBoard(f);
        ResidentStatus from = f.registry().status(primary);
        switch (to) {
            case SUSPENDED -> require(from == ResidentStatus.RESIDENT, "only an active resident can be suspended");
            case RESIDENT -> require(from == ResidentStatus.SUSPENDED, "only a suspended resident can be reinstated");
            case REVOKED -> require(from == ResidentStatus.RESIDENT || from == ResidentStatus.SUSPENDED
                    || from == ResidentStatus.APPLICANT, primary + " has no residency to revoke");
            default -> throw new IllegalArgumentException(to.toString());
        }
        f.storage().store(resident(primary, R_STATUS), to.ordinal());
        emitStatus(f, primary, to, reason);
        return NOTHING;
    }

    private static void emitStatus(Frame f, Address primary, ResidentStatus status, Hash reason) {
        f.emit(RESIDENT_STATUS_CHANGED, List.of(Slots.topic(primary)),
                Tuple.builder().uint256(status.ordinal()).bytes32(reason).build().encode());
    }

    private byte[] addAccount(Frame f, Tuple a) {
        Address account = a.address(0);
        f.requireWritable();
        RegistryView rules = f.registry();
        Address primary = f.caller;
        require(rules.residentOf(primary).equals(primary) && rules.status(primary) == ResidentStatus.RESIDENT,
                "only an active resident's primary account can bind accounts");
        require(!account.equals(Address.ZERO) && !SystemAddresses.isReserved(account), "cannot bind " + account);
        require(rules.residentOf(account).equals(Address.ZERO), account + " already belongs to a resident");
        require(!rules.isBlocked(account), account + " is blocked");
        f.storage().store(Slots.mapping(RESIDENT_OF, account), primary);
        f.emit(ACCOUNT_BOUND, List.of(Slots.topic(primary), Slots.topic(account)), returnsBool(true));
        return NOTHING;
    }

    private byte[] removeAccount(Frame f, Tuple a) {
        Address account = a.address(0);
        f.requireWritable();
        RegistryView rules = f.registry();
        Address primary = f.caller;
        require(rules.residentOf(primary).equals(primary), "only a resident's primary account can unbind accounts");
        require(!account.equals(primary), "the primary account cannot be unbound");
        require(rules.residentOf(account).equals(primary), account + " is not bound to " + primary);
        f.storage().store(Slots.mapping(RESIDENT_OF, account), Address.ZERO);
        f.emit(ACCOUNT_BOUND, List.of(Slots.topic(primary), Slots.topic(account)), returnsBool(false));
        return NOTHING;
    }

    private byte[] getResident(Frame f, Tuple a) {
        Address primary = a.address(0);
        var s = f.storage();
        Tuple.Builder resident = Tuple.builder()
                .uint256(s.load(resident(primary, R_STATUS)))
                .uint256(s.load(resident(primary, R_ROLES)))
                .bytes(s.bytes(resident(primary, R_NAME)))
                .bytes32(s.hash(resident(primary, R_REGISTRATION_NO)))
                .bytes32(s.hash(resident(primary, R_PROJECT_HASH)))
                .uint256(s.load(resident(primary, R_APPLIED_AT)))
                .uint256(s.load(resident(primary, R_ADMITTED_AT)));
        return Tuple.builder().tuple(resident.build()).build().encode();
    }

    // --- clients ----------------------------------------------------------------------------------------------

    private byte[] registerClient(Frame f, Tuple a) {
        Address account = a.address(0);
        int category = enumMember(a, 1, ClientCategory.values().length, "client category");
        boolean legalEntity = a.bool(2);
        byte[] country = a.bytes(3);
        Hash kycHash = a.bytes32(4);
        long expiresAt = a.uint64(5);
        f.requireWritable();
        RegistryView rules = f.registry();
        require(rules.hasAnyRole(f.caller, Role.CLIENT_VERIFIERS),
                "only an active ICO organiser, platform operator or exchange office can register clients");
        require(!account.equals(Address.ZERO) && !SystemAddresses.isReserved(account), "cannot register " + account + " as a client");
        require(!rules.isBlocked(account), account + " is blocked");
        require(category != ClientCategory.NONE.ordinal(), "client category must be NonQualified or Qualified");
        require(isCountryCode(country), "country must be an ISO 3166-1 alpha-2 code such as \"BY\"");
        require(!kycHash.equals(Hash.ZERO), "identification dossier hash is missing");
        require(expiresAt == 0 || Long.compareUnsigned(expiresAt, f.now()) > 0, "identification already expired");
        Address verifier = rules.residentOf(f.caller);
        var s = f.storage();
        s.store(client(account, C_CATEGORY), category);
        s.store(client(account, C_LEGAL_ENTITY), legalEntity);
        s.store(client(account, C_COUNTRY), UInt256.fromBytes(java.util.Arrays.copyOf(country, 32)));
        s.store(client(account, C_KYC_HASH), kycHash);
        s.store(client(account, C_VERIFIED_BY), verifier);
        s.store(client(account, C_VERIFIED_AT), f.now());
        s.store(client(account, C_EXPIRES_AT), expiresAt);
        f.emit(CLIENT_REGISTERED, List.of(Slots.topic(account), Slots.topic(verifier)),
                Tuple.builder().uint256(category).fixedBytes(country).build().encode());
        return NOTHING;
    }

    private static boolean isCountryCode(byte[] c) {
        return c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z';
    }

    private byte[] removeClient(Frame f, Tuple a) {
        Address account = a.address(0);
        f.requireWritable();
        var s = f.storage();
        require(s.small(client(account, C_CATEGORY)) != 0, account + " is not a registered client");
        Address verifier = s.address(client(account, C_VERIFIED_BY));
        require(f.caller.equals(SystemAddresses.REGISTRY) || f.registry().residentOf(f.caller).equals(verifier),
                "only the verifying resident or the board can remove a client");
        for (long field = C_CATEGORY; field <= C_EXPIRES_AT; field++) {
            s.store(client(account, field), UInt256.ZERO);
        }
        f.emit(CLIENT_REMOVED, List.of(Slots.topic(account)), NOTHING);
        return NOTHING;
    }

    private byte[] getClient(Frame f, Tuple a) {
        Address account = a.address(0);
        var s = f.storage();
        return Tuple.builder()
                .uint256(s.load(client(account, C_CATEGORY)))
                .bool(s.flag(client(account, C_LEGAL_ENTITY)))
                .uint256(s.load(client(account, C_COUNTRY)))
                .bytes32(s.hash(client(account, C_KYC_HASH)))
                .address(s.address(client(account, C_VERIFIED_BY)))
                .uint256(s.load(client(account, C_VERIFIED_AT)))
                .uint256(s.load(client(account, C_EXPIRES_AT)))
                .build().encode();
    }

    // --- blocked addresses ------------------------------------------------------------------------------------

    private byte[] blockAddress(Frame f, Tuple a) {
        Address account = a.address(0);
        Hash reason = a.bytes32(1);
        requireBoard(f);
        require(!account.equals(Address.ZERO) && !SystemAddresses.isReserved(account), "cannot block " + account);
        // The board must not be able to lock itself (or the park's treasury) out: remove the member first.
        require(!f.registry().isBoardMember(account), "cannot block board member " + account
                + "; remove it from the board first");
        require(!account.equals(f.storage().address(TREASURY)), "cannot block the treasury " + account
                + "; set another treasury first");
        require(!f.registry().isBlocked(account), account + " is already blocked");
        f.storage().store(Slots.mapping(BLOCKED, account), true);
        f.emit(ADDRESS_BLOCKED, List.of(Slots.topic(account)), reason.toArray());
        return NOTHING;
    }

    private byte[] unblockAddress(Frame f, Tuple a) {
        Address account = a.address(0);
        requireBoard(f);
        require(f.registry().isBlocked(account), account + " is not blocked");
        f.storage().store(Slots.mapping(BLOCKED, account), false);
        f.emit(ADDRESS_UNBLOCKED, List.of(Slots.topic(account)), NOTHING);
        return NOTHING;
    }

    // --- levy -------------------------------------------------------------------------------------------------

    private byte[] setLevyRateBps(Frame f, Tuple a) {
        UInt256 bps = a.uint256(0);
        requireBoard(f);
        require(bps.compareTo(UInt256.of(MAX_LEVY_BPS)) <= 0, "levy rate is at most 10000 bps");
        f.storage().store(LEVY_RATE_BPS, bps);
        f.emit(LEVY_RATE_CHANGED, List.of(), returnsUint(bps));
        return NOTHING;
    }

    private byte[] setTreasury(Frame f, Tuple a) {
        Address account = a.address(0);
        requireBoard(f);
        require(!account.equals(Address.ZERO) && !SystemAddresses.isReserved(account), "treasury must be an account");
        require(!f.registry().isBlocked(account), account + " is blocked");
        f.storage().store(TREASURY, account);
        f.emit(TREASURY_CHANGED, List.of(Slots.topic(account)), NOTHING);
        return NOTHING;
    }

    /**
     * Records a levy paid by {@code resident} and emits LevyPaid from the registry. Called by the system contract
     * that collected the levy (the offerings at finalize); the coin or tokens have already moved.
     */
    static void recordLevy(Frame collector, Address resident, Address asset, UInt256 revenue, UInt256 levy, Hash source) {
        Frame registry = collector.as(SystemAddresses.REGISTRY, collector.self);
        var s = registry.storage();
        UInt256 slot = levyPaid(resident, asset);
        s.store(slot, s.load(slot).add(levy));
        registry.emit(LEVY_PAID, List.of(Slots.topic(resident), Slots.topic(asset)),
                Tuple.builder().uint256(revenue).uint256(levy).bytes32(source).build().encode());
    }
}
