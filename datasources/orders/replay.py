"""Replaying a stored raw payload through the current channel mapping and rules (redrive).

The intake dead-letter keeps each failed payload as the channel sent it. After a mapping or
rule fix, `ChannelMappings.replay` runs the same normalisation the live channel runs, so a
payload that replays cleanly is one the 360 now shows when it reads that channel again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from datasources.config import MarketplaceConfig, PosTable, UpstreamConfig, WebShopTables
from datasources.orders import marketplace, pos, web
from datasources.orders.appraisal import Appraisal
from datasources.orders.normalise import Normalised
from datasources.records import OrderFailure


@dataclass(frozen=True, slots=True)
class ChannelMappings:
    """The mapping and rules of every order channel, without any connection to it."""

    web: WebShopTables | None
    pos: PosTable | None
    marketplace: MarketplaceConfig | None

    @classmethod
    def from_config(cls, config: UpstreamConfig) -> ChannelMappings:
        """The channels of one upstream configuration."""
        return cls(config.oms.web, config.oms.pos, config.marketplace)

    @classmethod
    def demo(cls) -> ChannelMappings:
        """The default mappings, which describe the demo upstreams."""
        return cls(WebShopTables(), PosTable(), MarketplaceConfig(base_url="http://demo"))

    def replay(self, channel: str, raw: Mapping[str, Any]) -> Normalised:
        """The payload normalised under today's mapping and rules, or its new failure."""
        try:
            if channel == web.CHANNEL and self.web is not None:
                return web.web_normalised(raw, self.web)
            if channel == pos.CHANNEL and self.pos is not None:
                return pos.pos_normalised(raw, self.pos)
            if channel == marketplace.CHANNEL and self.marketplace is not None:
                return marketplace.marketplace_normalised(raw, self.marketplace)
        except (KeyError, TypeError, AttributeError) as error:
            # A renamed column or path the stored payload predates: a reason, not a crash.
            reason = f"payload does not fit the current mapping: {error!r:.80}"
            return OrderFailure(channel, "?", "", reason, dict(raw))
        return OrderFailure(channel, "?", "", f"channel {channel!r} is not configured", dict(raw))

    def appraise(self, channel: str, raw: Mapping[str, Any]) -> Appraisal:
        """The payload's order value and currency where readable, else None for each."""
        if channel == web.CHANNEL and self.web is not None:
            return web.web_appraisal(raw, self.web)
        if channel == pos.CHANNEL and self.pos is not None:
            return pos.pos_appraisal(raw, self.pos)
        if channel == marketplace.CHANNEL and self.marketplace is not None:
            return marketplace.marketplace_appraisal(raw, self.marketplace)
        return Appraisal()
