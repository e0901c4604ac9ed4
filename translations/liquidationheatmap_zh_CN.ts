<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Exporter</name>
    <message>
        <source>cannot write the image</source>
        <translation>无法写入图像</translation>
    </message>
    <message>
        <source>cannot open for writing</source>
        <translation>无法打开以写入</translation>
    </message>
    <message>
        <source>cannot write the file</source>
        <translation>无法写入文件</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>ModelNames</name>
    <message>
        <source>Open-interest model</source>
        <translation>持仓量模型</translation>
    </message>
    <message>
        <source>Funding-adjusted</source>
        <translation>资金费率调整</translation>
    </message>
    <message>
        <source>Large trades</source>
        <translation>大额成交</translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation>集成模型</translation>
    </message>
</context>
<context>
    <name>ScreenshotRenderer</name>
    <message>
        <source>--screenshot needs a file name</source>
        <translation>--screenshot 需要一个文件名</translation>
    </message>
    <message>
        <source>unknown window &apos;%1&apos; (use one of %2)</source>
        <translation>未知的时间窗口“%1”（可用：%2）</translation>
    </message>
    <message>
        <source>--size must be at least 200x150</source>
        <translation>--size 至少为 200x150</translation>
    </message>
    <message>
        <source>no data: database %1 does not exist</source>
        <translation>无数据：数据库 %1 不存在</translation>
    </message>
    <message>
        <source>no data for %1: %2</source>
        <translation>%1 无数据：%2</translation>
    </message>
    <message>
        <source>no data for %1</source>
        <translation>%1 无数据</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>no data for %1 %2 %3</source>
        <translation>%1 %2 %3 无数据</translation>
    </message>
    <message>
        <source>unknown view &apos;%1&apos; (use %2)</source>
        <translation>未知视图“%1”（可用 %2）</translation>
    </message>
    <message>
        <source>--live takes on or off, not &apos;%1&apos;</source>
        <translation>--live 只接受 on 或 off，而不是“%1”</translation>
    </message>
    <message>
        <source>--live needs --view window</source>
        <translation>--live 需要 --view window</translation>
    </message>
    <message>
        <source>live mode did not start: %1</source>
        <translation>实时模式未能启动：%1</translation>
    </message>
    <message>
        <source>live: no price of %1 arrived within 60 s</source>
        <translation>实时：60 秒内未收到 %1 的价格</translation>
    </message>
</context>
<context>
    <name>Translator</name>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
</context>
<context>
    <name>lhm::ui::AlertDialog</name>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Edit alert</source>
        <translation>编辑提醒</translation>
    </message>
    <message>
        <source>New alert</source>
        <translation>新建提醒</translation>
    </message>
    <message>
        <source>All exchanges</source>
        <translation>所有交易所</translation>
    </message>
    <message>
        <source>Crosses above</source>
        <translation>向上穿越</translation>
    </message>
    <message>
        <source>Crosses below</source>
        <translation>向下穿越</translation>
    </message>
    <message>
        <source>Any side</source>
        <translation>任意方向</translation>
    </message>
    <message>
        <source>Longs</source>
        <translation>多头</translation>
    </message>
    <message>
        <source>Shorts</source>
        <translation>空头</translation>
    </message>
    <message>
        <source>Fire once, then stop</source>
        <translation>只触发一次，然后停止</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>default from the channel settings</source>
        <translation>默认使用渠道设置</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方向（多/空）</translation>
    </message>
</context>
<context>
    <name>lhm::ui::AlertOverlay</name>
    <message>
        <source>Create alert at %1…</source>
        <translation>在 %1 创建提醒…</translation>
    </message>
    <message>
        <source>%1%2 (triggered)</source>
        <translation>%1%2（已触发）</translation>
    </message>
</context>
<context>
    <name>lhm::ui::AlertText</name>
    <message>
        <source>Price crosses a level</source>
        <translation>价格穿越价位</translation>
    </message>
    <message>
        <source>Price nears a predicted cluster</source>
        <translation>价格接近预测强平密集区</translation>
    </message>
    <message>
        <source>Realised liquidation</source>
        <translation>实际强平</translation>
    </message>
    <message>
        <source>Liquidation cascade</source>
        <translation>连环强平</translation>
    </message>
    <message>
        <source>Predicted cluster crossed</source>
        <translation>预测强平密集区被穿越</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Triggered</source>
        <translation>已触发</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>桌面通知</translation>
    </message>
    <message>
        <source>Popup</source>
        <translation>弹窗</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>Price level</source>
        <translation>价位</translation>
    </message>
    <message>
        <source>Distance (%)</source>
        <translation>距离（%）</translation>
    </message>
    <message>
        <source>Minimum cluster (USD)</source>
        <translation>最小强平密集区（USD）</translation>
    </message>
    <message>
        <source>Minimum notional (USD)</source>
        <translation>最小名义金额（USD）</translation>
    </message>
    <message>
        <source>Price from</source>
        <translation>价格下限</translation>
    </message>
    <message>
        <source>Price to</source>
        <translation>价格上限</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Notional (USD)</source>
        <translation>名义金额（USD）</translation>
    </message>
    <message>
        <source>Window (s)</source>
        <translation>时间窗（秒）</translation>
    </message>
    <message>
        <source>Cooldown (s)</source>
        <translation>冷却时间（秒）</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通知渠道</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook 地址</translation>
    </message>
    <message>
        <source>Choose at least one channel.</source>
        <translation>请至少选择一个通知渠道。</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 不能为空。</translation>
    </message>
    <message>
        <source>The webhook URL must start with http:// or https://.</source>
        <translation>Webhook 地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The price band&apos;s lower edge must be positive and below its upper edge.</source>
        <translation>价格区间的下限必须为正数且低于上限。</translation>
    </message>
    <message>
        <source>Set a count or a notional (or both) for a cascade.</source>
        <translation>连环强平规则需要设置笔数或名义金额（或两者）。</translation>
    </message>
    <message>
        <source>%1 must be a positive number.</source>
        <translation>%1 必须是正数。</translation>
    </message>
    <message>
        <source> (longs)</source>
        <translation>（多头）</translation>
    </message>
    <message>
        <source> (shorts)</source>
        <translation>（空头）</translation>
    </message>
    <message>
        <source>above %1</source>
        <translation>高于 %1</translation>
    </message>
    <message>
        <source>below %1</source>
        <translation>低于 %1</translation>
    </message>
    <message>
        <source>within %1% of ≥ %2 USD%3</source>
        <translation>距 ≥ %2 USD 的强平密集区 %1% 以内%3</translation>
    </message>
    <message>
        <source>≥ %1 USD%2</source>
        <translation>≥ %1 USD%2</translation>
    </message>
    <message>
        <source> in %1–%2</source>
        <translation>，价格 %1–%2</translation>
    </message>
    <message>
        <source>%1 liquidations</source>
        <translation>%1 笔强平</translation>
    </message>
    <message>
        <source>%1 USD</source>
        <translation>%1 USD</translation>
    </message>
    <message>
        <source>%1 in %2 s%3</source>
        <translation>%2 秒内 %1%3</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>cluster ≥ %1 USD crossed%2</source>
        <translation>≥ %1 USD 的强平密集区被穿越%2</translation>
    </message>
</context>
<context>
    <name>lhm::ui::AlertToast</name>
    <message>
        <source>Alerts held back</source>
        <translation>提醒已合并</translation>
    </message>
    <message numerus="yes">
        <source>%n more alert(s) arrived during a burst and were held back.</source>
        <translation>
            <numerusform>爆发期间另有 %n 条提醒被合并未发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Alert: %1 — %2</source>
        <translation>提醒：%1 — %2</translation>
    </message>
    <message>
        <source>%1 · value %2 at %3 · %4 UTC · click to show</source>
        <translation>%1 · 数值 %2，价格 %3 · %4 UTC · 点击查看</translation>
    </message>
</context>
<context>
    <name>lhm::ui::AlertsPanel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>上次触发</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通知渠道</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Channels…</source>
        <translation>通知渠道…</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>发送结果</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Delete alert</source>
        <translation>删除提醒</translation>
    </message>
    <message>
        <source>Delete the alert &quot;%1&quot;? Its history stays.</source>
        <translation>删除提醒“%1”？其历史记录会保留。</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Flood summary</source>
        <translation>合并摘要</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
</context>
<context>
    <name>lhm::ui::AlertsWiring</name>
    <message>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>LiquidationHeatmap</source>
        <translation>LiquidationHeatmap</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>提醒(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New alert…</source>
        <translation>新建提醒(&amp;N)…</translation>
    </message>
    <message>
        <source>Show &amp;alerts</source>
        <translation>显示提醒(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Channels…</source>
        <translation>通知渠道(&amp;C)…</translation>
    </message>
    <message numerus="yes">
        <source>LiquidationHeatmap — %n unread alert(s)</source>
        <translation>
            <numerusform>LiquidationHeatmap — %n 条未读提醒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 于 %2</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ChannelSettingsDialog</name>
    <message>
        <source>Alert channels</source>
        <translation>提醒通知渠道</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>发送测试</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>Default URL</source>
        <translation>默认地址</translation>
    </message>
    <message>
        <source>HMAC secret</source>
        <translation>HMAC 密钥</translation>
    </message>
    <message>
        <source>Bot API URL</source>
        <translation>Bot API 地址</translation>
    </message>
    <message>
        <source>Chat id</source>
        <translation>聊天 ID</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>机器人令牌</translation>
    </message>
    <message>
        <source>Require STARTTLS</source>
        <translation>要求 STARTTLS</translation>
    </message>
    <message>
        <source>one or more, comma separated</source>
        <translation>一个或多个，用逗号分隔</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP 服务器</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>saved — type to replace</source>
        <translation>已保存 — 输入以替换</translation>
    </message>
    <message>
        <source>Delivered.</source>
        <translation>已送达。</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>未送达：%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Saved, but: %1. Without a keychain, secrets cannot be kept; run the alerts with &apos;lhm alerts channel set … --token-env VAR&apos; instead.</source>
        <translation>已保存，但：%1。没有可用的密钥链，无法保存密钥；请改用 &apos;lhm alerts channel set … --token-env VAR&apos; 运行提醒。</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ComparisonPanel</name>
    <message>
        <source>Measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Total longs</source>
        <translation>多头合计</translation>
    </message>
    <message>
        <source>Total shorts</source>
        <translation>空头合计</translation>
    </message>
    <message>
        <source>Main clusters</source>
        <translation>主要密集区</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>命中率</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <source>L</source>
        <translation>多</translation>
    </message>
    <message>
        <source>S</source>
        <translation>空</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ConnectionLights</name>
    <message>
        <source>live</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>quiet (no message lately)</source>
        <translation>静默（近期无消息）</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>重新连接中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <source>%1
State: %2
Last message: %3
Messages/s: %4
Reconnects: %5
Parse errors: %6</source>
        <translation>%1
状态：%2
最后消息：%3
消息/秒：%4
重连次数：%5
解析错误：%6</translation>
    </message>
    <message>
        <source>No public liquidation stream: trades (price) only</source>
        <translation>无公开强平数据流：仅成交（价格）</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ControlBar</name>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>Contract to show (what the store holds)</source>
        <translation>要显示的合约（本地存储中已有的）</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>Exchange whose history the estimate uses</source>
        <translation>估算所用历史数据的交易所</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>Time span of the heatmap; the candle size follows it</source>
        <translation>热力图的时间跨度；K 线周期随之变化</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Liquidation model</source>
        <translation>强平模型</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>价格档</translation>
    </message>
    <message>
        <source>Price bucket size in USD</source>
        <translation>价格档大小（美元）</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>All exchanges</source>
        <translation>所有交易所</translation>
    </message>
</context>
<context>
    <name>lhm::ui::CoverageTable</name>
    <message>
        <source>Exchange</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>From (UTC)</source>
        <translation>起始（UTC）</translation>
    </message>
    <message>
        <source>To (UTC)</source>
        <translation>结束（UTC）</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>The local store is empty. Download above, or import files you already have.</source>
        <translation>本地存储为空。请在上方下载，或导入已有文件。</translation>
    </message>
</context>
<context>
    <name>lhm::ui::DataManagerDialog</name>
    <message>
        <source>Manage data</source>
        <translation>数据管理</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>%p% overall</source>
        <translation>总体 %p%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <source>In the local store</source>
        <translation>本地存储中</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>下载中</translation>
    </message>
    <message>
        <source>verifying checksum</source>
        <translation>校验中</translation>
    </message>
    <message>
        <source>importing</source>
        <translation>导入中</translation>
    </message>
    <message>
        <source>%1 of %2: %3 %4</source>
        <translation>第 %1/%2 个：%3 %4</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Cannot download: %1</source>
        <translation>无法下载：%1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Import Binance files</source>
        <translation>导入币安文件</translation>
    </message>
    <message>
        <source>Binance history (*.zip *.csv);;All files (*)</source>
        <translation>币安历史数据 (*.zip *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a folder of Binance files</source>
        <translation>导入币安文件所在文件夹</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot reach %1.&lt;/b&gt; You seem to be offline (or the host is blocked). Import files you already have instead, or try again later.&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</source>
        <translation>&lt;b&gt;无法访问 %1。&lt;/b&gt;您似乎处于离线状态（或该主机被屏蔽）。请改为导入已有文件，或稍后重试。&lt;br&gt;&lt;small&gt;%2&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Offline: nothing was downloaded.</source>
        <translation>离线：未下载任何内容。</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <source>Finished with problems: %1</source>
        <translation>完成，但有问题：%1</translation>
    </message>
</context>
<context>
    <name>lhm::ui::DataWorker</name>
    <message>
        <source>skipped: unknown layout</source>
        <translation>已跳过：未知格式</translation>
    </message>
    <message>
        <source>attempt %1 failed (%2), retrying in %3 s</source>
        <translation>第 %1 次尝试失败（%2），%3 秒后重试</translation>
    </message>
    <message>
        <source>imported, %L1 rows</source>
        <translation>已导入，%L1 行</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>already in the store</source>
        <translation>已在存储中</translation>
    </message>
    <message>
        <source>not published (404)</source>
        <translation>未发布（404）</translation>
    </message>
    <message>
        <source>checksum mismatch, not imported</source>
        <translation>校验和不匹配，未导入</translation>
    </message>
    <message>
        <source>host unreachable</source>
        <translation>主机无法访问</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancelled. Partial files are kept and resume next time.</source>
        <translation>已取消。部分下载的文件会保留，下次继续。</translation>
    </message>
    <message>
        <source>%1 imported, %2 already in the store, %3 not published, %4 failed</source>
        <translation>已导入 %1 个，%2 个已在存储中，%3 个未发布，%4 个失败</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>%1 imported, %2 already in the store, %3 refused</source>
        <translation>已导入 %1 个，%2 个已在存储中，%3 个被拒绝</translation>
    </message>
    <message>
        <source>%1 has no history download</source>
        <translation>%1 没有历史数据下载</translation>
    </message>
    <message>
        <source>stored, %L1 new rows</source>
        <translation>已保存，新增 %L1 行</translation>
    </message>
    <message>
        <source>Cancelled. What was stored stays; the next download fetches only the rest.</source>
        <translation>已取消。已保存的数据保留；下次下载只获取其余部分。</translation>
    </message>
    <message>
        <source>%1 series stored, %2 already in the store, %3 failed</source>
        <translation>已保存 %1 个序列，%2 个已在存储中，%3 个失败</translation>
    </message>
</context>
<context>
    <name>lhm::ui::DownloadForm</name>
    <message>
        <source>Download from %1</source>
        <translation>从 %1 下载</translation>
    </message>
    <message>
        <source>more, e.g. ADAUSDT,LINKUSDT</source>
        <translation>更多，例如 ADAUSDT,LINKUSDT</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>Open interest (metrics, 5 min)</source>
        <translation>持仓量（metrics，5 分钟）</translation>
    </message>
    <message>
        <source>Candles (klines)</source>
        <translation>K 线（klines）</translation>
    </message>
    <message>
        <source>Funding rate (monthly files)</source>
        <translation>资金费率（月度文件）</translation>
    </message>
    <message>
        <source>Trades (aggTrades, large)</source>
        <translation>成交（aggTrades，体积大）</translation>
    </message>
    <message>
        <source>Hundreds of MB per day for BTCUSDT; needed by the large-trades model.</source>
        <translation>BTCUSDT 每天数百 MB；大额成交模型需要此数据。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Candle interval</source>
        <translation>K 线周期</translation>
    </message>
    <message>
        <source>Days (UTC)</source>
        <translation>日期（UTC）</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>Already have data.binance.vision zips or CSVs?</source>
        <translation>已经有 data.binance.vision 的 zip 或 CSV 文件？</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>%1 publishes no open-interest history: the app records it every minute while Live is on (and while `lhm live` or `lhm alerts watch` runs).</source>
        <translation>%1 不提供持仓量历史：实时模式开启时（以及 `lhm live` 或 `lhm alerts watch` 运行时），应用每分钟记录一次。</translation>
    </message>
    <message>
        <source>No public liquidation stream.</source>
        <translation>没有公开的强平数据流。</translation>
    </message>
    <message>
        <source>Open interest (5 min)</source>
        <translation>持仓量（5 分钟）</translation>
    </message>
    <message>
        <source>Funding rate</source>
        <translation>资金费率</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ExportActions</name>
    <message>
        <source>Pine Script (*.pine);;Text files (*.txt)</source>
        <translation>Pine 脚本 (*.pine);;文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Export TradingView Pine Script</source>
        <translation>导出 TradingView Pine 脚本</translation>
    </message>
    <message>
        <source>Export view as PNG</source>
        <translation>将视图导出为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Nothing to export yet</source>
        <translation>暂无可导出的内容</translation>
    </message>
    <message>
        <source>Export heatmap grid</source>
        <translation>导出热力图网格</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export liquidation map</source>
        <translation>导出强平分布图</translation>
    </message>
</context>
<context>
    <name>lhm::ui::FileProgressTable</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>%p% of %1</source>
        <translation>%1 的 %p%</translation>
    </message>
    <message>
        <source>importing %p%</source>
        <translation>导入中 %p%</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>page %1 · %p%</source>
        <translation>第 %1 页 · %p%</translation>
    </message>
</context>
<context>
    <name>lhm::ui::HeatmapControls</name>
    <message>
        <source>Longs</source>
        <translation>多头</translation>
    </message>
    <message>
        <source>Only liquidation levels of long positions</source>
        <translation>仅显示多头仓位的强平价位</translation>
    </message>
    <message>
        <source>Shorts</source>
        <translation>空头</translation>
    </message>
    <message>
        <source>Only liquidation levels of short positions</source>
        <translation>仅显示空头仓位的强平价位</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>多空</translation>
    </message>
    <message>
        <source>Longs and shorts together</source>
        <translation>多头与空头合并显示</translation>
    </message>
    <message>
        <source>Colour cut-off</source>
        <translation>颜色截断</translation>
    </message>
    <message>
        <source>Densities below this percentile are drawn darkest</source>
        <translation>低于此百分位的密度显示为最暗</translation>
    </message>
    <message>
        <source>Densities above this percentile are drawn brightest</source>
        <translation>高于此百分位的密度显示为最亮</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适配</translation>
    </message>
    <message>
        <source>Show the whole window</source>
        <translation>显示整个时间窗口</translation>
    </message>
</context>
<context>
    <name>lhm::ui::HeatmapView</name>
    <message>
        <source>Price (USD)</source>
        <translation>价格（美元）</translation>
    </message>
    <message>
        <source>Estimated liquidations per bucket (USD)</source>
        <translation>每档估算强平金额（美元）</translation>
    </message>
    <message>
        <source>ESTIMATE — modelled liquidation levels, not exchange data</source>
        <translation>估算 — 模型推算的强平价位，并非交易所数据</translation>
    </message>
    <message>
        <source>Hover the heatmap to read a cell.</source>
        <translation>将鼠标悬停在热力图上以查看单元格。</translation>
    </message>
    <message>
        <source>No heatmap yet</source>
        <translation>暂无热力图</translation>
    </message>
    <message>
        <source>Pick a symbol and window, or import data from the Data menu.</source>
        <translation>请选择交易对和时间窗口，或从“数据”菜单导入数据。</translation>
    </message>
    <message>
        <source>Predicted long liquidations</source>
        <translation>预测的多头强平</translation>
    </message>
    <message>
        <source>Predicted short liquidations</source>
        <translation>预测的空头强平</translation>
    </message>
    <message>
        <source>Live trades (price)</source>
        <translation>实时成交（价格）</translation>
    </message>
    <message>
        <source>No data for this view</source>
        <translation>此视图无数据</translation>
    </message>
    <message>
        <source>Import or download history from the Data menu.</source>
        <translation>请从“数据”菜单导入或下载历史数据。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4%5</source>
        <translation>%1 · %2 · %3 · %4%5</translation>
    </message>
    <message>
        <source> · cached</source>
        <translation> · 缓存</translation>
    </message>
    <message>
        <source>%1  ·  %2 – %3  ·  Longs %4  ·  Shorts %5  ·  model confidence %6</source>
        <translation>%1  ·  %2 – %3  ·  多头 %4  ·  空头 %5  ·  模型置信度 %6</translation>
    </message>
</context>
<context>
    <name>lhm::ui::LiquidationMapView</name>
    <message>
        <source>No liquidation map for the live market</source>
        <translation>实时行情暂无强平分布图</translation>
    </message>
    <message>
        <source>The history ends %1, more than a day before the live stream, and could not be backfilled.</source>
        <translation>历史数据止于 %1，比实时数据流早结束一天以上，且无法回补。</translation>
    </message>
    <message>
        <source>The history ends more than a day before the live stream and could not be backfilled.</source>
        <translation>历史数据比实时数据流早结束一天以上，且无法回补。</translation>
    </message>
    <message>
        <source>A map computed from it would show the positions of then as today&apos;s. Live liquidations are shown on the heatmap and in the tape.</source>
        <translation>用这些历史计算的分布图会把当时的持仓显示成今天的持仓。实时强平显示在热力图和强平流水中。</translation>
    </message>
    <message>
        <source>Liquidation price (USD)</source>
        <translation>强平价格（美元）</translation>
    </message>
    <message>
        <source>Estimated notional per bucket</source>
        <translation>每档估算名义价值</translation>
    </message>
    <message>
        <source>Cumulative from price</source>
        <translation>自当前价起累计</translation>
    </message>
    <message>
        <source>Cumulative longs</source>
        <translation>多头累计</translation>
    </message>
    <message>
        <source>Cumulative shorts</source>
        <translation>空头累计</translation>
    </message>
    <message>
        <source>No liquidation map yet</source>
        <translation>暂无强平分布图</translation>
    </message>
    <message>
        <source>No data for this view</source>
        <translation>此视图无数据</translation>
    </message>
    <message>
        <source>Import or download history from the Data menu.</source>
        <translation>请从“数据”菜单导入或下载历史数据。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · %4 · at %5</source>
        <translation>%1 · %2 · %3 · %4 · 时间 %5</translation>
    </message>
    <message>
        <source>Long %1x</source>
        <translation>多头 %1x</translation>
    </message>
    <message>
        <source>Short %1x</source>
        <translation>空头 %1x</translation>
    </message>
    <message>
        <source>Price %1</source>
        <translation>价格 %1</translation>
    </message>
    <message>
        <source>%1 – %2  ·  Longs %3  ·  Shorts %4  ·  cumulative longs %5, shorts %6</source>
        <translation>%1 – %2  ·  多头 %3  ·  空头 %4  ·  累计多头 %5，空头 %6</translation>
    </message>
    <message>
        <source>ESTIMATE — modelled</source>
        <translation>估算 — 模型推算</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
</context>
<context>
    <name>lhm::ui::LiveTapeModel</name>
    <message>
        <source>Long</source>
        <translation>多头</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>空头</translation>
    </message>
    <message>
        <source>%1 %2: %3 liquidated, %4 at %5 (%6), %7 UTC</source>
        <translation>%1 %2：%3 被强平，%4，价格 %5（%6），%7 UTC</translation>
    </message>
    <message>
        <source>long</source>
        <translation>多头</translation>
    </message>
    <message>
        <source>short</source>
        <translation>空头</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Notional</source>
        <translation>名义价值</translation>
    </message>
</context>
<context>
    <name>lhm::ui::LiveTapePanel</name>
    <message>
        <source>Liquidations</source>
        <translation>强平</translation>
    </message>
    <message>
        <source>Hide liquidations smaller than this notional</source>
        <translation>隐藏名义价值小于此值的强平</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>All sizes</source>
        <translation>全部大小</translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>显示 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>已接收 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Short</source>
        <translation>空头</translation>
    </message>
</context>
<context>
    <name>lhm::ui::LocalApiWiring</name>
    <message>
        <source>Local &amp;API (127.0.0.1:8765)</source>
        <translation>本地 &amp;API (127.0.0.1:8765)</translation>
    </message>
    <message>
        <source>Serve the heatmap, levels, signals and the live stream to scripts on this computer (docs/api.md)</source>
        <translation>向本机的脚本提供热力图、价位、信号和实时数据流 (docs/api.md)</translation>
    </message>
    <message>
        <source>Local API could not start: port %1 is in use</source>
        <translation>本地 API 无法启动：端口 %1 已被占用</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>Local API listening on %1 (this computer only)</source>
        <translation>本地 API 正在监听 %1（仅限本机）</translation>
    </message>
</context>
<context>
    <name>lhm::ui::LiveWiring</name>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Follow the exchanges&apos; liquidation streams for the shown symbol</source>
        <translation>跟踪当前交易对在各交易所的强平数据流</translation>
    </message>
    <message>
        <source>Liquidation tape</source>
        <translation>强平流水</translation>
    </message>
    <message>
        <source>Live mode needs config/exchanges.yaml: %1</source>
        <translation>实时模式需要 config/exchanges.yaml：%1</translation>
    </message>
    <message>
        <source>Cannot go live: %1</source>
        <translation>无法开启实时模式：%1</translation>
    </message>
    <message>
        <source>Live: following %1 on %2</source>
        <translation>实时：正在 %2 上跟踪 %1</translation>
    </message>
    <message>
        <source>Live mode off</source>
        <translation>实时模式已关闭</translation>
    </message>
    <message>
        <source>Cannot go live: no exchange in exchanges.yaml lists %1</source>
        <translation>无法开启实时模式：exchanges.yaml 中没有交易所列出 %1</translation>
    </message>
</context>
<context>
    <name>lhm::ui::MainWindow</name>
    <message>
        <source>Export TradingView Pine &amp;Script…</source>
        <translation>导出 TradingView Pine 脚本(&amp;S)…</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>研究</translation>
    </message>
    <message>
        <source>LiquidationHeatmap</source>
        <translation>强平热力图</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Model comparison</source>
        <translation>模型对比</translation>
    </message>
    <message>
        <source>Liquidation map</source>
        <translation>强平分布图</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Export view as &amp;PNG…</source>
        <translation>将视图导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Export heatmap grid as &amp;CSV…</source>
        <translation>将热力图网格导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Export liquidation &amp;map as CSV…</source>
        <translation>将强平分布图导出为 CSV(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Manage data…</source>
        <translation>数据管理(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Recompute</source>
        <translation>重新计算(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>实时(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Cancel computation</source>
        <translation>取消计算(&amp;C)</translation>
    </message>
    <message>
        <source>Computation cancelled</source>
        <translation>计算已取消</translation>
    </message>
    <message>
        <source>Export liquidation map as P&amp;NG…</source>
        <translation>将强平分布图导出为 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>交易所</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ModelComparisonView</name>
    <message>
        <source>No model comparison yet</source>
        <translation>暂无模型对比</translation>
    </message>
    <message>
        <source>No data for this view</source>
        <translation>此视图无数据</translation>
    </message>
    <message>
        <source>Import or download history from the Data menu.</source>
        <translation>请从“数据”菜单导入或下载历史数据。</translation>
    </message>
    <message>
        <source>ESTIMATES · %1 · %2 · %3 — agreement %4, ensemble confidence %5 (%6)</source>
        <translation>估算 · %1 · %2 · %3 — 一致度 %4，集成置信度 %5（%6）</translation>
    </message>
    <message>
        <source>models agree</source>
        <translation>模型一致</translation>
    </message>
    <message>
        <source>shaded: models disagree by more than 5%</source>
        <translation>阴影：模型分歧超过 5% 的区域</translation>
    </message>
    <message>
        <source>only one model had data: unverified</source>
        <translation>仅一个模型有数据：未经验证</translation>
    </message>
    <message>
        <source>one side is covered by a single model</source>
        <translation>有一侧仅由一个模型覆盖</translation>
    </message>
    <message>
        <source>no estimated positions</source>
        <translation>没有估算的仓位</translation>
    </message>
    <message>
        <source> · no input in this window: %1</source>
        <translation> · 此窗口中无输入：%1</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ResearchPanel</name>
    <message>
        <source>Long</source>
        <translation>多头</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>空头</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>双向</translation>
    </message>
    <message>
        <source> bps</source>
        <translation> 基点</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Run backtest</source>
        <translation>运行回测</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export trades…</source>
        <translation>导出交易…</translation>
    </message>
    <message>
        <source>Estimates: every figure is measured on the period shown, beside its baseline. Not financial advice.</source>
        <translation>估算：每个数值均在所示时段测得，并与其基线并列。不构成投资建议。</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>交易对</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Entry rule</source>
        <translation>入场规则</translation>
    </message>
    <message>
        <source>Exit rule</source>
        <translation>出场规则</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Fee per fill</source>
        <translation>每笔成交手续费</translation>
    </message>
    <message>
        <source>Slippage per fill</source>
        <translation>每笔成交滑点</translation>
    </message>
    <message>
        <source>Stop loss</source>
        <translation>止损</translation>
    </message>
    <message>
        <source>Take profit</source>
        <translation>止盈</translation>
    </message>
    <message>
        <source>Export trades</source>
        <translation>导出交易</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Entry: %1</source>
        <translation>入场：%1</translation>
    </message>
    <message>
        <source>Exit: %1</source>
        <translation>出场：%1</translation>
    </message>
    <message>
        <source>Estimates on modelled clusters with simplified fills; not financial advice.</source>
        <translation>基于模型强平密集区与简化成交的估算；不构成投资建议。</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ValidationPage</name>
    <message>
        <source>No validation has run: —</source>
        <translation>尚未运行验证：—</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <source>%1: no figures (%2)</source>
        <translation>%1：无数值（%2）</translation>
    </message>
    <message>
        <source>Spearman ρ of predicted vs realised liquidations per hour and side</source>
        <translation>每小时每方向预测与实际强平的斯皮尔曼 ρ</translation>
    </message>
    <message>
        <source>%1 both sides</source>
        <translation>%1 双向</translation>
    </message>
    <message>
        <source>longs</source>
        <translation>多头</translation>
    </message>
    <message>
        <source>shorts</source>
        <translation>空头</translation>
    </message>
    <message>
        <source>%1: ρ %2 against the baseline (|price move| × open interest) %3; difference 95 % [%4, %5]; %6 hour-sides</source>
        <translation>%1：ρ %2，基线（|价格变动| × 持仓量）为 %3；差值 95 % 区间 [%4, %5]；%6 个小时-方向样本</translation>
    </message>
    <message>
        <source>Share of realised liquidation notional inside the model&apos;s densest zones</source>
        <translation>落入模型最密集区域的实际强平名义价值占比</translation>
    </message>
    <message>
        <source>%1: hit rate %2 against random zones %3 [%4, %5] (beaten in %6 of draws), mirrored %7; %8 events</source>
        <translation>%1：命中率 %2，随机区域为 %3 [%4, %5]（在 %6 的抽样中胜出），镜像区域 %7；%8 个事件</translation>
    </message>
</context>
<context>
    <name>lhm::ui::BacktestPage</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>收益率</translation>
    </message>
    <message>
        <source>Sharpe</source>
        <translation>夏普比率</translation>
    </message>
    <message>
        <source>Sortino</source>
        <translation>索提诺比率</translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>最大回撤</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>胜率</translation>
    </message>
    <message>
        <source>Profit factor</source>
        <translation>盈亏比</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>交易数</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Entry time</source>
        <translation>入场时间</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>入场价</translation>
    </message>
    <message>
        <source>Exit time</source>
        <translation>出场时间</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>出场价</translation>
    </message>
    <message>
        <source>P&amp;L (USD)</source>
        <translation>盈亏（美元）</translation>
    </message>
    <message>
        <source>Exit reason</source>
        <translation>出场原因</translation>
    </message>
    <message>
        <source>Equity (USD), %1: rules against buy-and-hold and shifted clusters</source>
        <translation>权益（美元），%1：规则对比买入持有与时间平移的强平密集区</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Buy and hold</source>
        <translation>买入持有</translation>
    </message>
    <message>
        <source>Shifted clusters</source>
        <translation>平移强平密集区</translation>
    </message>
    <message>
        <source>long</source>
        <translation>多</translation>
    </message>
    <message>
        <source>short</source>
        <translation>空</translation>
    </message>
</context>
<context>
    <name>lhm::ui::StatusPanel</name>
    <message>
        <source>Database unreadable</source>
        <translation>数据库无法读取</translation>
    </message>
    <message>
        <source>candles %1</source>
        <translation>K 线 %1</translation>
    </message>
    <message>
        <source>open interest</source>
        <translation>持仓量</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>No data for %1 on %2</source>
        <translation>%2 上没有 %1 的数据</translation>
    </message>
    <message>
        <source>Coverage: %1</source>
        <translation>数据覆盖：%1</translation>
    </message>
    <message>
        <source>Newest data %1 ago</source>
        <translation>最新数据：%1 前</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ViewCoordinator</name>
    <message>
        <source>Computing %1 %2… %3%</source>
        <translation>正在计算 %1 %2… %3%</translation>
    </message>
    <message>
        <source>Computing %1 %2…</source>
        <translation>正在计算 %1 %2…</translation>
    </message>
    <message>
        <source>No estimate for %1 · %2 · %3</source>
        <translation>%1 · %2 · %3 没有估算结果</translation>
    </message>
    <message>
        <source>%1
Open Data → Manage data… to download or import history.</source>
        <translation>%1
请打开“数据 → 数据管理…”下载或导入历史数据。</translation>
    </message>
    <message>
        <source>The database cannot be read</source>
        <translation>无法读取数据库</translation>
    </message>
    <message>
        <source>%1
Choose another file with --db, or move this one away to start afresh.</source>
        <translation>%1
请用 --db 选择其他文件，或将此文件移走以重新开始。</translation>
    </message>
    <message>
        <source>Offline data: the newest candle shown ended %1 ago (%2). The estimate does not show what happened since.</source>
        <translation>离线数据：显示的最新K线结束于 %1 前（%2）。估算未包含此后的行情。</translation>
    </message>
    <message>
        <source>Showing the cached estimate computed %1 ago; recomputing…</source>
        <translation>正在显示 %1 前计算的缓存估算；正在重新计算…</translation>
    </message>
    <message>
        <source>Showing the cached estimate; recomputing…</source>
        <translation>正在显示缓存的估算；正在重新计算…</translation>
    </message>
    <message>
        <source>Could not recompute: %1</source>
        <translation>无法重新计算：%1</translation>
    </message>
    <message>
        <source>Data covers %1 of the %2 window (%3 → %4).</source>
        <translation>数据仅覆盖 %2 窗口中的 %1（%3 → %4）。</translation>
    </message>
    <message>
        <source>Model parameters: profile fitted on %1 → %2 (lhm calibrate).</source>
        <translation>模型参数：使用 %1 → %2 拟合的参数档案（lhm calibrate）。</translation>
    </message>
    <message>
        <source>Live: the history ends more than a day before the live stream and could not be backfilled; the heatmap is not rolled forward and live liquidations are shown on their own.</source>
        <translation>实时：历史数据比实时数据流早结束一天以上且无法回补；热力图不会向前滚动，仅单独显示实时强平。</translation>
    </message>
</context>
<context>
    <name>lhm::ui::MeasuredFigure</name>
    <message>
        <source>Measured on this period only: an estimate of skill, not a promise.</source>
        <translation>仅在此区间测得：是对能力的估算，不是承诺。</translation>
    </message>
    <message>
        <source>Period %1 – %2, window %3, measured %4</source>
        <translation>区间 %1 – %2，窗口 %3，测于 %4</translation>
    </message>
    <message numerus="yes">
        <source>%n hour-side(s)</source>
        <translation><numerusform>%n 个小时-方向</numerusform></translation>
    </message>
    <message>
        <source>Difference, 95 % day-block bootstrap interval: [%1, %2]</source>
        <translation>差值的 95% 按日分块自助法区间：[%1, %2]</translation>
    </message>
    <message>
        <source>Baseline |price move| × open interest: %1</source>
        <translation>基线 |价格变动| × 持仓量：%1</translation>
    </message>
    <message>
        <source>Spearman of predicted against realised notional per hour and side: %1</source>
        <translation>每小时每方向预测与实际名义价值的 Spearman 相关：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n liquidation event(s)</source>
        <translation><numerusform>%n 个强平事件</numerusform></translation>
    </message>
    <message>
        <source>Mirrored zones (same distances, other side): %1</source>
        <translation>镜像区域（相同距离，另一侧）：%1</translation>
    </message>
    <message>
        <source>Beats %1 % of random draws</source>
        <translation>优于 %1% 的随机抽样</translation>
    </message>
    <message>
        <source>Same total width placed at random: mean %1, 95 % interval [%2, %3]</source>
        <translation>相同总宽度随机放置：均值 %1，95% 区间 [%2, %3]</translation>
    </message>
    <message>
        <source>Share of realised liquidation notional inside the model&apos;s densest zones: %1</source>
        <translation>落在模型最密集区域内的实际强平名义价值占比：%1</translation>
    </message>
    <message>
        <source>no baseline</source>
        <translation>无基线</translation>
    </message>
    <message>
        <source>Validation of %1 – %2 gave no figure: %3</source>
        <translation>%1 – %2 的验证没有得出数字：%3</translation>
    </message>
    <message>
        <source>Not measured yet for this symbol: run Validate in the Research tab or lhm validate. No figure is shown without its baseline.</source>
        <translation>此交易对尚未实测：请在“研究”页运行验证或使用 lhm validate。没有基线的数字不会显示。</translation>
    </message>
    <message>
        <source>ρ %1 · baseline %2</source>
        <translation>ρ %1 · 基线 %2</translation>
    </message>
    <message>
        <source>hit %1 · random %2 [%3, %4]</source>
        <translation>命中 %1 · 随机 %2 [%3, %4]</translation>
    </message>
</context>
<context>
    <name>lhm::ui::SignalWiring</name>
    <message>
        <source>per exchange: pick one exchange</source>
        <translation>按交易所计算：请选择一个交易所</translation>
    </message>
</context>
<context>
    <name>ExchangeText</name>
    <message>
        <source>All exchanges</source>
        <translation>所有交易所</translation>
    </message>
    <message>
        <source>included</source>
        <translation>已计入</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>stale data</source>
        <translation>数据过旧</translation>
    </message>
    <message>
        <source>error</source>
        <translation>出错</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (%2: %3)</source>
        <translation>%1（%2：%3）</translation>
    </message>
    <message>
        <source>Exchanges summed: %1.</source>
        <translation>已合计的交易所：%1。</translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>未计入：%1。</translation>
    </message>
    <message>
        <source>%1 (no open interest)</source>
        <translation>%1（无持仓量）</translation>
    </message>
    <message>
        <source>%1 (data ends %2 h before the newest venue&apos;s)</source>
        <translation>%1（数据比最新的交易所早 %2 小时结束）</translation>
    </message>
    <message>
        <source>Δ vs %1 %2$%3 (%2%4 %)</source>
        <translation>相对 %1 的价差 %2$%3（%2%4 %）</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ExchangesView</name>
    <message>
        <source>No exchanges to compare yet</source>
        <translation>尚无可比较的交易所</translation>
    </message>
    <message>
        <source>Pick “All exchanges” in the toolbar to see every venue side by side.</source>
        <translation>在工具栏中选择“所有交易所”，即可并排查看每个交易所。</translation>
    </message>
    <message>
        <source>No data for this view</source>
        <translation>此视图没有数据</translation>
    </message>
    <message>
        <source>Import or download history from the Data menu.</source>
        <translation>请从“数据”菜单导入或下载历史数据。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · estimated positions at the last candle, each venue at its own price</source>
        <translation>%1 · %2 · %3 · 最后一根K线时的估算持仓，各交易所按其自身价格</translation>
    </message>
    <message>
        <source>Liquidation price (USD)</source>
        <translation>强平价格（USD）</translation>
    </message>
    <message>
        <source>Estimated notional</source>
        <translation>估算名义价值</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>ESTIMATE — modelled</source>
        <translation>估算 — 模型推断</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (%2: %3)</source>
        <translation>%1（%2：%3）</translation>
    </message>
    <message>
        <source>One exchange shown: pick “All exchanges” to compare venues.</source>
        <translation>当前只显示一个交易所：选择“所有交易所”以比较各交易所。</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>未计入：%1</translation>
    </message>
</context>
<context>
    <name>lhm::ui::SignalOverlay</name>
    <message>
        <source>Signal (estimate) at %1: %2
%3</source>
        <translation>信号（估算）%1：%2
%3</translation>
    </message>
    <message>
        <source>no bar closed</source>
        <translation>没有已收盘的K线</translation>
    </message>
    <message>
        <source>Signal: — (%1)</source>
        <translation>信号：—（%1）</translation>
    </message>
    <message>
        <source>no cluster near, confidence %1</source>
        <translation>附近无密集区，置信度 %1</translation>
    </message>
    <message>
        <source>nearest cluster %1 % away, confidence %2</source>
        <translation>最近密集区相距 %1%，置信度 %2</translation>
    </message>
    <message>
        <source>model confidence %1 is low</source>
        <translation>模型置信度 %1 偏低</translation>
    </message>
    <message>
        <source>realised liquidations %1 beyond the %2 predicted</source>
        <translation>实际强平 %1，超过预测的 %2</translation>
    </message>
    <message>
        <source>short</source>
        <translation>空头</translation>
    </message>
    <message>
        <source>long</source>
        <translation>多头</translation>
    </message>
    <message>
        <source>price within %1 % of a %2 cluster at %3 (%4)</source>
        <translation>价格距 %3 处的%2密集区不到 %1%（%4）</translation>
    </message>
    <message>
        <source>NONE</source>
        <translation>无信号</translation>
    </message>
    <message>
        <source>WAIT</source>
        <translation>观望</translation>
    </message>
    <message>
        <source>REVERSAL OPPORTUNITY</source>
        <translation>反转机会</translation>
    </message>
    <message>
        <source>AVOID</source>
        <translation>避开</translation>
    </message>
</context>
<context>
    <name>lhm::ui::HeatmapLegend</name>
    <message>
        <source>Price (dashed line, tag on the right)</source>
        <translation>价格（虚线，右侧标签）</translation>
    </message>
    <message>
        <source>Predicted long liquidations (model, dots)</source>
        <translation>预测多头强平（模型，圆点）</translation>
    </message>
    <message>
        <source>Predicted short liquidations (model, dots)</source>
        <translation>预测空头强平（模型，圆点）</translation>
    </message>
    <message>
        <source>Realised long liquidations (live, circle ∝ size)</source>
        <translation>实际多头强平（实时，圆圈大小∝金额）</translation>
    </message>
    <message>
        <source>Realised short liquidations (live, circle ∝ size)</source>
        <translation>实际空头强平（实时，圆圈大小∝金额）</translation>
    </message>
</context>
<context>
    <name>lhm::ui::HeatmapView</name>
    <message>
        <source>Live: waiting for liquidations of this symbol…</source>
        <translation>实时：正在等待该品种的强平…</translation>
    </message>
</context>
<context>
    <name>lhm::ui::LiquidationMapView</name>
    <message>
        <source>Longs</source>
        <translation>多头</translation>
    </message>
    <message>
        <source>Shorts</source>
        <translation>空头</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ComparisonPanel</name>
    <message>
        <source>Own confidence</source>
        <translation>自身置信度</translation>
    </message>
    <message>
        <source>How sure this model is of its own estimate. For the ensemble: how close its members&apos; main clusters are (0.50 when only one model had data: nothing to check it against).</source>
        <translation>该模型对自身估算的把握程度。对集成模型：其成员主要密集区的接近程度（只有一个模型有数据时为 0.50：无从核对）。</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ConnectionLights</name>
    <message>
        <source>%1: live mode is off</source>
        <translation>%1：实时模式已关闭</translation>
    </message>
</context>
<context>
    <name>lhm::ui::CandleLayer</name>
    <message>
        <source>Candles</source>
        <translation>K线</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ModelComparisonView</name>
    <message>
        <source>their main clusters are within 5%</source>
        <translation>它们的主要密集区相差在 5% 以内</translation>
    </message>
    <message>
        <source>shaded: their main clusters are more than 5% apart</source>
        <translation>阴影：它们的主要密集区相差超过 5%</translation>
    </message>
    <message>
        <source>only one model had data: nothing to check it against</source>
        <translation>只有一个模型有数据：无从核对</translation>
    </message>
    <message>
        <source>one side is covered by a single model</source>
        <translation>有一侧只有一个模型覆盖</translation>
    </message>
    <message>
        <source>no estimated positions</source>
        <translation>没有估算的持仓</translation>
    </message>
    <message>
        <source>no open interest</source>
        <translation>无持仓量</translation>
    </message>
    <message>
        <source>no large trades</source>
        <translation>无大额成交</translation>
    </message>
    <message>
        <source>no funding rates</source>
        <translation>无资金费率</translation>
    </message>
    <message>
        <source>ESTIMATES · %1 · %2 · %3</source>
        <translation>估算 · %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Only %1 had input in this window, so the ensemble equals it. Agreement between models: none to compare. Ensemble confidence %2 (%3).</source>
        <translation>此时间窗口内只有%1有输入，因此集成模型与之相同。模型间一致性：无可比较。集成置信度 %2（%3）。</translation>
    </message>
    <message>
        <source>Agreement between the %1 models (overlap of their density, 1 = identical): %2 · Ensemble confidence (how close their main clusters are): %3 — %4.</source>
        <translation>%1 个模型之间的一致性（密度重叠，1 = 完全相同）：%2 · 集成置信度（主要密集区的接近程度）：%3 — %4。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source> Not compared, no input in this window: %1.</source>
        <translation> 未比较，此时间窗口内无输入：%1。</translation>
    </message>
</context>
<context>
    <name>lhm::ui::EmptyStateStack</name>
    <message>
        <source>No estimated positions in this window</source>
        <translation>此时间窗口内没有估算的持仓</translation>
    </message>
    <message>
        <source>%1 · %2 · %3: the model found no open interest to place in this window.
Pick a window the stored data covers, or download more history from the Data menu.</source>
        <translation>%1 · %2 · %3：模型在此时间窗口内找不到可分配的持仓量。
请选择已存数据覆盖的时间窗口，或从“数据”菜单下载更多历史。</translation>
    </message>
</context>
<context>
    <name>lhm::ui::HeatmapView</name>
    <message>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ModelComparisonView</name>
    <message>
        <source>Model comparison</source>
        <translation>模型对比</translation>
    </message>
</context>
<context>
    <name>lhm::ui::ExchangesView</name>
    <message>
        <source>Exchanges</source>
        <translation>交易所</translation>
    </message>
</context>
<context>
    <name>lhm::ui::LiquidationMapView</name>
    <message>
        <source>Liquidation map</source>
        <translation>强平分布图</translation>
    </message>
</context>
<context>
    <name>lhm::ui::MainWindow</name>
    <message>
        <source>Export %1 as P&amp;NG…</source>
        <translation>将%1导出为 PNG(&amp;N)…</translation>
    </message>
</context>
</TS>
