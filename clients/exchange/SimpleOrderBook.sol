// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

interface IERC20Like {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
    function transfer(address to, uint256 value) external returns (bool);
}

/// A simple order book in Solidity, for comparing gas with the park's native exchange on the same node: one market of
/// an ERC-20 base against the coin, price-time priority at the maker's price over a sorted linked list of price
/// levels (each a FIFO of orders), locks like the exchange's (a sell locks base, a resting buy its notional in coin), a taker fee in
/// coin to the operator, good-till-cancelled orders, cancel. No park rules, no fees for makers, no levy.
contract SimpleOrderBook {
    struct Order {
        address trader;
        bool buy;
        uint64 next;     // next order at the same price
        uint256 price;   // wei per whole token (18 decimals)
        uint256 amount;  // remaining, smallest units
    }

    struct Level {
        uint256 next;    // next worse price, 0 = none
        uint64 head;
        uint64 tail;
    }

    IERC20Like public immutable base;
    address public immutable operator;
    uint256 public constant TAKER_FEE_BPS = 20;
    uint64 public orderCount;
    mapping(uint64 => Order) public orders;
    mapping(uint256 => Level)[2] internal levels;   // [0] bids, [1] asks
    uint256[2] public best;

    event Trade(uint64 indexed maker, uint64 indexed taker, uint256 price, uint256 amount);

    constructor(IERC20Like base_) {
        base = base_;
        operator = msg.sender;
    }

    function _better(bool buy, uint256 a, uint256 b) internal pure returns (bool) {
        return buy ? a > b : a < b;
    }

    function place(bool buy, uint256 price, uint256 amount) external payable returns (uint64 id) {
        require(price > 0 && amount > 0, "book: zero");
        uint256 notional = price * amount / 1e18;
        if (buy) {
            require(msg.value == notional + notional * TAKER_FEE_BPS / 10000, "book: value");
        } else {
            require(msg.value == 0, "book: value");
            require(base.transferFrom(msg.sender, address(this), amount), "book: transferFrom");
        }
        id = ++orderCount;
        uint256 side = buy ? 1 : 0;   // the side it takes from
        uint256 remaining = amount;
        uint256 spent;
        while (remaining > 0) {
            uint256 p = best[side];
            if (p == 0 || (buy ? p > price : p < price)) break;
            Level storage level = levels[side][p];
            uint64 makerId = level.head;
            Order storage maker = orders[makerId];
            uint256 q = remaining < maker.amount ? remaining : maker.amount;
            uint256 n = p * q / 1e18;
            remaining -= q;
            maker.amount -= q;
            if (buy) {
                spent += n;
                payable(maker.trader).transfer(n);
            } else {
                require(base.transfer(maker.trader, q), "book: transfer");
                uint256 fee = n * TAKER_FEE_BPS / 10000;
                payable(msg.sender).transfer(n - fee);
                payable(operator).transfer(fee);
            }
            emit Trade(makerId, id, p, q);
            if (maker.amount == 0) {
                level.head = maker.next;
                delete orders[makerId];
                if (level.head == 0) {
                    best[side] = level.next;
                    delete levels[side][p];
                }
            }
        }
        if (buy) {
            uint256 filled = amount - remaining;
            if (filled > 0) {
                require(base.transfer(msg.sender, filled), "book: transfer");
                uint256 fee = spent * TAKER_FEE_BPS / 10000;
                payable(operator).transfer(fee);
                spent += fee;
            }
        }
        if (remaining > 0) {
            _rest(id, buy, price, remaining);
            if (buy) {
                // A resting buy keeps its notional only: makers pay no fee here.
                uint256 refund = msg.value - spent - price * remaining / 1e18;
                if (refund > 0) payable(msg.sender).transfer(refund);
            }
        } else if (buy && msg.value > spent) {
            payable(msg.sender).transfer(msg.value - spent);
        }
    }

    function _rest(uint64 id, bool buy, uint256 price, uint256 amount) internal {
        uint256 side = buy ? 0 : 1;
        orders[id] = Order(msg.sender, buy, 0, price, amount);
        Level storage level = levels[side][price];
        if (level.tail != 0) {
            orders[level.tail].next = id;
            level.tail = id;
            return;
        }
        level.head = id;
        level.tail = id;
        uint256 at = best[side];
        if (at == 0 || _better(buy, price, at)) {
            level.next = at;
            best[side] = price;
            return;
        }
        while (levels[side][at].next != 0 && _better(buy, levels[side][at].next, price)) {
            at = levels[side][at].next;
        }
        level.next = levels[side][at].next;
        levels[side][at].next = price;
    }

    function cancel(uint64 id) external {
        Order storage o = orders[id];
        require(o.trader == msg.sender, "book: not yours");
        uint256 side = o.buy ? 0 : 1;
        uint256 price = o.price;
        Level storage level = levels[side][price];
        if (level.head == id) {
            level.head = o.next;
        } else {
            uint64 at = level.head;
            while (orders[at].next != id) at = orders[at].next;
            orders[at].next = o.next;
            if (level.tail == id) level.tail = at;
        }
        if (level.head == 0) {
            // unlink the level
            if (best[side] == price) {
                best[side] = level.next;
            } else {
                uint256 p = best[side];
                while (levels[side][p].next != price) p = levels[side][p].next;
                levels[side][p].next = level.next;
            }
            delete levels[side][price];
        }
        uint256 amount = o.amount;
        bool buy = o.buy;
        delete orders[id];
        if (buy) {
            payable(msg.sender).transfer(price * amount / 1e18);
        } else {
            require(base.transfer(msg.sender, amount), "book: transfer");
        }
    }
}
