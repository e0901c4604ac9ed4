"""A Nautilus Trader strategy sketch that polls the LiquidationHeatmap local API's /trading/signals
and stands aside near estimated liquidation clusters. Documentation, not built or run in CI: it
needs `pip install nautilus_trader` and a running `lhm serve` (docs/api.md), and it is written
against Nautilus Trader's Strategy API as of its 1.19x releases (check names against your version).

The signals are ESTIMATES from modelled positions, not advice:
  AVOID                 price within avoid_pct of a large predicted cluster -> no new entries
  REVERSAL_OPPORTUNITY  realised liquidations ran beyond what the model predicted -> the strategy's
                        own entry logic may fade the move (here: a small market order against it)
  WAIT                  the models disagree (low confidence) -> no new entries
  NONE                  nothing in the way
The HTTP call runs off the event loop's hot path with a short timeout; a failed poll keeps the last
answer for one interval and then falls back to WAIT (fail safe).
"""
from datetime import timedelta

from nautilus_trader.config import StrategyConfig
from nautilus_trader.model.data import Bar, BarType
from nautilus_trader.model.enums import OrderSide
from nautilus_trader.model.identifiers import InstrumentId
from nautilus_trader.model.objects import Quantity
from nautilus_trader.trading.strategy import Strategy

import lhm_client  # examples/lhm_client.py (standard library only)


class LiquidationSignalConfig(StrategyConfig, frozen=True):
    instrument_id: InstrumentId
    bar_type: BarType
    lhm_symbol: str = "BTCUSDT"      # the unified symbol the store knows
    lhm_exchange: str = "binance"
    poll_seconds: int = 60
    trade_size: str = "0.001"


class LiquidationSignalStrategy(Strategy):
    def __init__(self, config: LiquidationSignalConfig):
        super().__init__(config)
        self.signal = "WAIT"
        self.failures = 0

    def on_start(self):
        self.instrument = self.cache.instrument(self.config.instrument_id)
        self.subscribe_bars(self.config.bar_type)
        self.clock.set_timer("lhm_poll", timedelta(seconds=self.config.poll_seconds), callback=self._poll)
        self._poll(None)

    def _poll(self, _event):
        try:
            answer = lhm_client.signals(self.config.lhm_symbol, exchange=self.config.lhm_exchange, interval="1h")
            self.signal = answer["signal"]
            self.failures = 0
            self.log.info(f"lhm signal {self.signal}: {answer['reason']} (confidence {answer['confidence']})")
        except Exception as e:  # the API is down or answered an error: fail safe
            self.failures += 1
            if self.failures > 1:
                self.signal = "WAIT"
            self.log.warning(f"lhm poll failed ({e}); signal {self.signal}")

    def on_bar(self, bar: Bar):
        if self.signal in ("AVOID", "WAIT"):
            return  # stand aside near clusters and while the models disagree
        if self.signal == "REVERSAL_OPPORTUNITY" and self.portfolio.is_flat(self.config.instrument_id):
            # A cascade beyond the model's expectation just ran: fade the bar's direction.
            side = OrderSide.BUY if bar.close < bar.open else OrderSide.SELL
            order = self.order_factory.market(
                instrument_id=self.config.instrument_id,
                order_side=side,
                quantity=Quantity.from_str(self.config.trade_size),
            )
            self.submit_order(order)

    def on_stop(self):
        self.clock.cancel_timer("lhm_poll")
        self.close_all_positions(self.config.instrument_id)
