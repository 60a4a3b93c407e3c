<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CashierWindow</name>
    <message>
        <location filename="../../pos/ui/cashier.py" line="213" />
        <source>WeChat Pay cashier</source>
        <extracomment>The clerk asked to save a new product list (the app stores it on the DB worker). The clerk asked for the manager's view (F11) or the settings (F12); the app opens them. Sandbox mode: the newcomer asked for the 模拟顾客 window (F9); the app opens it.</extracomment>
        <translation>微信支付收银台</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="224" />
        <location filename="../../pos/ui/cashier.py" line="802" />
        <source>Checking unfinished payments…</source>
        <translation>正在核对未完成的收款…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="239" />
        <source>SANDBOX MODE — payments are simulated, no real money moves</source>
        <translation>沙箱模式 — 模拟支付，不会产生真实交易</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="250" />
        <source>Acknowledge</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="289" />
        <source>Or type what is sold</source>
        <translation>或输入商品名称</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="293" />
        <source>Edit products…</source>
        <translation>编辑商品…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="315" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="320" />
        <source>Charge (Enter)</source>
        <translation>收款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="332" />
        <source>Today's payments</source>
        <translation>今日收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="335" />
        <source>Customer (F9)</source>
        <translation>模拟顾客 (F9)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="341" />
        <source>Manager (F11)</source>
        <translation>店长 (F11)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="342" />
        <source>Settings (F12)</source>
        <translation>设置 (F12)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="358" />
        <source>No payments yet today.</source>
        <translation>今天还没有收款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="422" />
        <source>Purchase</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="427" />
        <source>Product: %1</source>
        <translation>商品：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="468" />
        <source>Type an amount first.</source>
        <translation>请先输入金额。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="469" />
        <location filename="../../pos/ui/cashier.py" line="477" />
        <source>That is not an amount.</source>
        <translation>金额格式不正确。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="470" />
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="471" />
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="472" />
        <source>At most two decimals (fen).</source>
        <translation>最多两位小数（精确到分）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="473" />
        <source>Over the limit of %1 per payment.</source>
        <translation>超过单笔限额 %1。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="515" />
        <source>Ready: type an amount and press Enter.</source>
        <translation>就绪：输入金额后按 Enter 收款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="579" />
        <source>Checking unfinished payments… Press Esc to open the till now; the check goes on in the background.</source>
        <translation>正在核对未完成的收款… 按 Esc 可立即开始收款，核对将在后台继续。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="590" />
        <source>%n unfinished payment(s) still being checked with WeChat Pay in the background (listed as result pending). Ready.</source>
        <translation><numerusform>%n 笔未完成的收款仍在后台向微信支付核对（列表中显示为“结果待确认”）。就绪。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="597" />
        <source>%n unfinished payment(s) checked. Ready.</source>
        <translation><numerusform>已核对 %n 笔未完成的收款。就绪。</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="601" />
        <source>The payment could not be saved, so nothing was charged: %1</source>
        <translation>无法保存该笔收款，未发起扣款：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="611" />
        <source>Creating the order for %1…</source>
        <translation>正在为 %1 创建订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="621" />
        <source>Waiting for the customer to pay %1…</source>
        <translation>等待顾客支付 %1…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="632" />
        <source>Creating the order…</source>
        <translation>正在创建订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="633" />
        <source>Waiting for the customer to scan and pay…</source>
        <translation>等待顾客扫码支付…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="634" />
        <source>No answer from WeChat Pay, still checking…</source>
        <translation>微信支付暂无响应，仍在查询…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="635" />
        <source>Checking the order with WeChat Pay…</source>
        <translation>正在向微信支付查询订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="637" />
        <source>A reply failed its signature check; still checking with WeChat Pay…</source>
        <translation>收到签名校验失败的应答，仍在向微信支付查询…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="639" />
        <source>Time is up; closing the order…</source>
        <translation>已超时，正在关闭订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="640" />
        <source>Cancelled; closing the order…</source>
        <translation>已取消，正在关闭订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="641" />
        <source>Closing the order, trying again…</source>
        <translation>正在关闭订单，重试中…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="643" />
        <source>A payment notice with a wrong amount was ignored. Tell the manager.</source>
        <translation>已忽略一条金额不符的支付通知，请告知店长。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="646" />
        <source>The local database could not be written! Hand nothing over until it is fixed.</source>
        <translation>本地数据库写入失败！修复前请勿交付商品。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="672" />
        <source>Paid: %1 ✓</source>
        <translation>收款成功：%1 ✓</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="682" />
        <source>Payment of %1 cancelled. The order is being closed.</source>
        <translation>%1 的收款已取消，正在关闭订单。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="683" />
        <source>Time is up for %1. The order is being closed.</source>
        <translation>%1 的收款已超时，正在关闭订单。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="684" />
        <source>WeChat Pay refused the payment of %1.</source>
        <translation>微信支付拒绝了 %1 的收款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="685" />
        <location filename="../../pos/ui/cashier.py" line="700" />
        <source>Payment of %1 closed, not paid.</source>
        <translation>%1 的订单已关闭，未支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="701" />
        <source>Payment of %1: no order was made, nothing was paid.</source>
        <translation>%1 的订单未创建，未支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="702" />
        <source>Payment of %1 was paid after all (late payment).</source>
        <translation>%1 最终已支付（延迟到账）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="704" />
        <source>Payment of %1: WeChat Pay reports another amount paid. Tell the manager.</source>
        <translation>%1 的订单：微信支付报告的支付金额不符，请告知店长。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="716" />
        <source>ALARM: WeChat Pay reported another amount paid for the payment of %1 (order %2). It is not counted as paid. Tell the manager.</source>
        <translation>警报：微信支付报告 %1 的订单（%2）支付金额不符，不计为已支付。请告知店长。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="740" />
        <source>LATE PAYMENT: %1 for "%2" was paid after the code was taken away. It is recorded as paid.</source>
        <translation>迟到的付款：“%2” %1 在二维码撤下后完成支付，已记为已收款。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="747" />
        <source>(%n more)</source>
        <translation><numerusform>（另有 %n 笔）</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="763" />
        <source>result pending</source>
        <translation>结果待确认</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="767" />
        <source>%1 (late)</source>
        <translation>%1（迟到）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="784" />
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="785" />
        <source>waiting</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="786" />
        <source>closing</source>
        <translation>关闭中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="787" />
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="788" />
        <source>not paid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="789" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="790" />
        <source>part refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="791" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="800" />
        <source>Settings saved. Restart the till to use them.</source>
        <translation>设置已保存，重启收银台后生效。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="807" />
        <source>The till cannot open: %1</source>
        <translation>收银台无法启动：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="821" />
        <source>A payment is in progress. Quit anyway? It will be checked at the next start.</source>
        <translation>有一笔收款正在进行。仍要退出吗？下次启动时会自动核对。</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="102" />
        <source>WeChat Pay</source>
        <extracomment>A page was painted: "qrPage", "paidPage" or "messagePage" (for measurements).</extracomment>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="119" />
        <source>Scan with WeChat to pay</source>
        <translation>请使用微信扫码支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="131" />
        <location filename="../../pos/ui/customer_screen.py" line="187" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="163" />
        <source>Paid</source>
        <translation>支付成功</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="167" />
        <source>Thank you!</source>
        <translation>谢谢惠顾！</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="220" />
        <source>Preparing the payment code…</source>
        <translation>正在生成收款码…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="239" />
        <source>Code valid for %1</source>
        <translation>二维码有效时间 %1</translation>
    </message>
</context>
<context>
    <name>CustomerSimWindow</name>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="94" />
        <source>Customer (sandbox)</source>
        <extracomment>How long one call to the sandbox may take (it is on loopback). The Chinese of this window's texts (resources/i18n/update_translations.py puts them in the .ts and .qm files). The sandbox answered a move: (action, the answer as a dict).</extracomment>
        <translation>模拟顾客（沙箱）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="99" />
        <source>This window is the customer's phone. Charge an amount on the till, then pay it here.</source>
        <translation>这个窗口就是顾客的手机：在收银台输入金额收款，然后在这里替顾客付款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="118" />
        <source>Wait for the password</source>
        <translation>等待输入密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="120" />
        <source>Give up</source>
        <translation>放弃支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="135" />
        <source>Or open in a browser:</source>
        <translation>或用浏览器打开：</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="159" />
        <source>No order on screen. Charge an amount on the till first.</source>
        <translation>收银台上没有待付款的订单。请先在收银台输入金额并收款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="161" />
        <location filename="../../pos/ui/customer_sim.py" line="171" />
        <source>Pay %1</source>
        <translation>支付 %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="167" />
        <source>Order %1 — %2</source>
        <translation>订单 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="191" />
        <source>Paying…</source>
        <translation>正在支付…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="205" />
        <source>Paid %1. The till shows it in a moment.</source>
        <translation>已支付 %1，收银台马上会显示。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="210" />
        <source>The customer is typing the password. WeChat still says “not paid”; press Pay to finish or Give up.</source>
        <translation>顾客正在输入密码，微信仍显示“未支付”。按“支付”完成付款，或“放弃支付”。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="215" />
        <source>The customer gave up. The till keeps waiting until it times out or is cancelled.</source>
        <translation>顾客放弃了支付。收银台会继续等待，直到超时或被取消。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="218" />
        <source>The QR cannot be paid: %1</source>
        <translation>无法支付此二维码：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="229" />
        <source>The sandbox did not answer: %1</source>
        <translation>沙箱没有响应：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="241" />
        <source>Paid ✓</source>
        <translation>已支付 ✓</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="252" />
        <source>The clerk cancelled this order; it can no longer be paid.</source>
        <translation>收银员已取消该订单，无法再支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="253" />
        <source>Time is up for this order; it can no longer be paid.</source>
        <translation>该订单已超时，无法再支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="256" />
        <source>This order has ended without a payment.</source>
        <translation>该订单已结束，未支付。</translation>
    </message>
</context>
<context>
    <name>DealTableModel</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="564" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="565" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="566" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="567" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="568" />
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="569" />
        <source>Order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="570" />
        <source>WeChat transaction</source>
        <translation>微信订单号</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="576" />
        <source>creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="577" />
        <source>waiting</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="578" />
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="579" />
        <source>closing</source>
        <translation>关闭中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="580" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="581" />
        <source>failed</source>
        <translation>下单失败</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="582" />
        <source>part refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="583" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="736" />
        <source>Manager — transactions of the day</source>
        <extracomment>The day's report was loaded and shown. An export finished: (path, Totals) or failed: (path, message). A reconciliation report is shown. A long task (``"export"`` or ``"reconcile"``) stopped after the manager cancelled it; emitted when the worker has really stopped (and removed any partial file). The progress of the long task running now (export or reconcile), if any.</extracomment>
        <translation>店长 — 当日交易</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="744" />
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="756" />
        <source>Search amount or order number</source>
        <translation>按金额或订单号搜索</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="760" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="768" />
        <source>Paid deals</source>
        <translation>已支付笔数</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="769" />
        <source>Takings</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="770" />
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="771" />
        <source>Net</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="835" />
        <source>This day</source>
        <translation>当天</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="836" />
        <source>Its month</source>
        <translation>当月（至所选日）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="838" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="840" />
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="842" />
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="845" />
        <source>Reconcile with WeChat…</source>
        <translation>与微信对账…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="869" />
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="889" />
        <source>ALARM %1 %2: %3</source>
        <translation>警报 %1 %2：%3</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="907" />
        <source>Takings by hour</source>
        <translation>每小时收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="912" />
        <source>Could not load the day: %1</source>
        <translation>无法加载当日数据：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="919" />
        <source>%1 deals, %2 shown.</source>
        <translation>共 %1 笔交易，显示 %2 笔。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="956" />
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="970" />
        <location filename="../../pos/ui/manager.py" line="973" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="991" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1035" />
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1038" />
        <source>Reconciliation cancelled.</source>
        <translation>已取消对账。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1042" />
        <source>Exported %1 deals to %2.</source>
        <translation>已导出 %1 笔交易到 %2。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1049" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1067" />
        <source>Refund of %1: %2</source>
        <translation>%1 的退款：%2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1077" />
        <source>Downloading WeChat's bill of %1…</source>
        <translation>正在下载 %1 的微信账单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1103" />
        <source>WeChat makes the bill of %1 the next morning. You can reconcile it after %2.</source>
        <translation>微信在次日上午生成 %1 的账单，%2 之后即可对账。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1109" />
        <source>Reconciliation failed: %1</source>
        <translation>对账失败：%1</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="404" />
        <source>Manager</source>
        <extracomment>The app's one gate for the PIN: shared by every PIN dialog, so closing and reopening the dialog does not reset the count of wrong PINs or end a lock-out. An export or a reconciliation still running after this long shows its progress and a Cancel button (QProgressDialog's minimum duration). The Chinese of every text of this module (for the window's update_translations.py too). The right PIN was entered (or a new one saved) and the manager window is open. The right PIN was entered when the dialog only guards something else (the settings).</extracomment>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="407" />
        <source>Set a manager PIN (4 to 12 digits). It guards refunds and the day's figures.</source>
        <translation>请设置店长密码（4 至 12 位数字），用于保护退款和当日账目。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="409" />
        <source>Enter the manager PIN.</source>
        <translation>请输入店长密码。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="416" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="422" />
        <source>PIN again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="432" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="434" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="465" />
        <source>The PIN must be 4 to 12 digits.</source>
        <translation>密码须为 4 至 12 位数字。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="468" />
        <source>The two PINs differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="470" />
        <source>Saving the PIN…</source>
        <translation>正在保存密码…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="494" />
        <source>The PIN could not be saved: %1</source>
        <translation>密码保存失败：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="509" />
        <source>Wrong PIN. %1 tries left.</source>
        <translation>密码错误，还可尝试 %1 次。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="522" />
        <source>Too many wrong PINs. Locked for %1 min %2 s.</source>
        <translation>密码错误次数过多，已锁定 %1 分 %2 秒。</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../pos/ui/cashier.py" line="96" />
        <source>Products</source>
        <extracomment>F1–F8 pick the first eight products. After a payment the paid screen stays this long, unless the clerk presses Enter. What a clerk can type into the amount; everything else is ignored (paste may bring more). Colours of the recent deals by state: paid green, given up grey, failed red. The list of deals is set in a fixed-pitch font, so that its columns line up; the CJK one first, whose Chinese characters are exactly two Latin ones wide.</extracomment>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="99" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="100" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="101" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="102" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="152" />
        <source>Add product</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="135" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="160" />
        <source>Rename product</source>
        <translation>重命名商品</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="1348" />
        <source>Reconciliation of %1</source>
        <translation>%1 对账</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1352" />
        <source>Everything matches.</source>
        <translation>全部一致。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1354" />
        <source>%n difference(s) found.</source>
        <translation><numerusform>发现 %n 处差异。</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1367" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1367" />
        <source>Order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1367" />
        <source>Here</source>
        <translation>本店</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1367" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1398" />
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1399" />
        <source>part refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1400" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1401" />
        <source>creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1402" />
        <source>waiting</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1403" />
        <source>closing</source>
        <translation>关闭中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1404" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1405" />
        <source>failed</source>
        <translation>下单失败</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1406" />
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1407" />
        <source>reversed</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1408" />
        <source>processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1409" />
        <source>unconfirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1410" />
        <source>refund closed</source>
        <translation>退款关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1411" />
        <source>refund abnormal</source>
        <translation>退款异常</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1430" />
        <source>%1: WeChat took %2 and refunded %3; the till recorded %4 and %5.</source>
        <translation>%1：微信收款 %2，退款 %3；本店记录收款 %4，退款 %5。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1438" />
        <source>WeChat has no bill for this day.</source>
        <translation>微信没有这一天的账单。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1441" />
        <source>Sandbox: the bill of today up to now (a real merchant gets it tomorrow after 10:00).</source>
        <translation>沙箱：今天截至目前的账单（真实商户次日 10:00 后才能下载）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1445" />
        <source>%n refund(s) still unconfirmed here.</source>
        <translation><numerusform>本店有 %n 笔退款尚未确认。</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1385" />
        <location filename="../../pos/ui/manager.py" line="1451" />
        <source>Export differences…</source>
        <translation>导出差异…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1388" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="1147" />
        <source>Refund</source>
        <extracomment>The refund reached a final state, or stopped being followed: RefundProgress.</extracomment>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1158" />
        <source>Amount to refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1162" />
        <source>Reason (shown to the customer)</source>
        <translation>退款原因（顾客可见）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1163" />
        <source>Customer returned the goods</source>
        <translation>顾客退货</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1172" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1174" />
        <source>Next…</source>
        <translation>下一步…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1195" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1197" />
        <source>Confirm refund</source>
        <translation>确认退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1218" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1224" />
        <source>%1 — %2, paid %3, %4 may still be refunded.</source>
        <translation>%1 — %2，已付 %3，可退 %4。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1237" />
        <location filename="../../pos/ui/manager.py" line="1243" />
        <source>At most %1 may be refunded.</source>
        <translation>最多可退 %1。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1247" />
        <source>Enter a reason.</source>
        <translation>请填写退款原因。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1252" />
        <source>Refund %1 to the customer for %2?</source>
        <translation>确认向顾客退还 %1（%2）？</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1266" />
        <source>Refunding %1…</source>
        <translation>正在退款 %1…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1292" />
        <source>Refunded %1 ✓</source>
        <translation>已退款 %1 ✓</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1295" />
        <source>WeChat Pay is still processing the refund of %1; it is followed up.</source>
        <translation>微信支付仍在处理 %1 的退款，系统会继续跟进。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1298" />
        <source>The refund needs the merchant platform: %1</source>
        <translation>退款异常，需在商户平台处理：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1302" />
        <location filename="../../pos/ui/manager.py" line="1332" />
        <source>The refund failed: %1</source>
        <translation>退款失败：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1313" />
        <source>Refund number: %1</source>
        <translation>退款单号：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1319" />
        <source>Deal %1, paid %2 at %3. Reason: %4</source>
        <translation>订单 %1，%3 支付 %2。原因：%4</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="340" />
        <source>Choose…</source>
        <extracomment>Environment variables that configure the merchant: any of them locks the merchant part. Settings field shown in the dialog -&gt; the environment variable that overrides it. The Chinese of every text of the dialog (resources/i18n/update_translations.py puts it into the .qm; zh_CN is the default). Placeholders in braces are kept as they are. The window's workers (the test connection runs there); None = the dialog owns its own. The settings file to write; None = :func:`pos.config.config_path` (``POS_CONFIG``). Where secrets go; None = the OS keyring (:class:`pos.config.KeyringStore`). The environment whose variables win over the file; None = ``os.environ``. Plays a sound file for the "play" button; None = QtMultimedia's QSoundEffect. "Test connection" finished: the :class:`ConnectionResult`. The settings were written; the effective settings (file + environment) as loaded back.</extracomment>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="346" />
        <source>Welcome: set up this till</source>
        <translation>欢迎：设置这台收银机</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="346" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="357" />
        <source>This till starts in the sandbox: practice payments, no real money. To take real WeChat Pay payments, choose “Real merchant” and enter the details from the WeChat Pay merchant platform (pay.weixin.qq.com).</source>
        <translation>这台收银机以沙箱模式启动：练习收款，不涉及真实资金。要收取真实的微信支付款项，请选择“真实商户”，并填写微信支付商户平台（pay.weixin.qq.com）上的信息。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="376" />
        <source>Payments</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="378" />
        <source>Sandbox: practice payments, no real money</source>
        <translation>沙箱：练习收款，不涉及真实资金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="379" />
        <source>Real merchant: real WeChat Pay payments</source>
        <translation>真实商户：收取真实的微信支付款项</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="394" />
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="405" />
        <source>AppID</source>
        <translation>AppID</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="406" />
        <source>Merchant number (mch_id)</source>
        <translation>商户号（mch_id）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="407" />
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="408" />
        <source>Sign type</source>
        <translation>签名类型</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="409" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="419" />
        <source>API certificate (for refunds)</source>
        <translation>API 证书（用于退款）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="422" />
        <source>None</source>
        <translation>不使用</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="424" />
        <source>PKCS#12 file (apiclient_cert.p12)</source>
        <translation>PKCS#12 文件（apiclient_cert.p12）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="427" />
        <source>PEM pair (apiclient_cert.pem + apiclient_key.pem)</source>
        <translation>PEM 文件对（apiclient_cert.pem + apiclient_key.pem）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="435" />
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="436" />
        <source>PEM (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="437" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="438" />
        <location filename="../../pos/ui/settings_dialog.py" line="444" />
        <source>PKCS#12 file</source>
        <translation>PKCS#12 文件</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="447" />
        <source>Certificate (PEM)</source>
        <translation>证书（PEM）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="453" />
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="456" />
        <source>Private key (PEM)</source>
        <translation>私钥（PEM）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="462" />
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="465" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="470" />
        <source>Notifications</source>
        <translation>支付通知</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="477" />
        <source>default: relay URL + /wechatpay/notify</source>
        <translation>默认：中继地址 + /wechatpay/notify</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="478" />
        <source>Relay URL</source>
        <translation>中继地址</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="479" />
        <source>Till token</source>
        <translation>收银机令牌</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="480" />
        <source>Notify URL</source>
        <translation>通知地址</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="484" />
        <source>Till</source>
        <translation>收银机</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="488" />
        <location filename="../../pos/ui/settings_dialog.py" line="493" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="498" />
        <source>default chime</source>
        <translation>默认提示音</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="499" />
        <source>Play</source>
        <translation>试听</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="502" />
        <location filename="../../pos/ui/settings_dialog.py" line="510" />
        <source>Payment sound</source>
        <translation>收款提示音</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="502" />
        <source>WAV sound (*.wav)</source>
        <translation>WAV 音频 (*.wav)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="505" />
        <source>Checkout timeout</source>
        <translation>收款超时</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="507" />
        <source>Poll interval</source>
        <translation>查询间隔</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="508" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="531" />
        <source>Use the sandbox for now</source>
        <translation>暂时使用沙箱</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="591" />
        <source>The API key, certificate password and till token are kept in the system keyring, not in the settings file.</source>
        <translation>API 密钥、证书密码和收银机令牌保存在系统密钥环中，不写入设置文件。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="598" />
        <source>No system keyring is available: the API key, certificate password and till token will be kept in the settings file, readable only by this user account.</source>
        <translation>没有可用的系统密钥环：API 密钥、证书密码和收银机令牌将保存在设置文件中，仅当前用户账户可读。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="608" />
        <source>stored {mask}: leave empty to keep it</source>
        <translation>已保存 {mask}：留空则保持不变</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="634" />
        <source>SANDBOX: practice payments, no real money</source>
        <translation>沙箱：练习收款，不涉及真实资金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="640" />
        <source>REAL MERCHANT: payments are real money</source>
        <translation>真实商户：收取的是真实资金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="664" />
        <source>Set by the environment variable {name}, which wins over this dialog.</source>
        <translation>由环境变量 {name} 设置，优先于此对话框。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="674" />
        <source>The merchant is set by environment variables ({names}), which win over this dialog.</source>
        <translation>商户由环境变量（{names}）设置，优先于此对话框。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="743" />
        <source>another merchant number: enter its API key</source>
        <translation>商户号已更改：请输入该商户的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="814" />
        <source>Switch this till to the sandbox? No real payments will be taken. When you save, the merchant's details and its stored key are removed from this till.</source>
        <translation>将这台收银机切换到沙箱？将不再收取真实款项。保存时，商户信息及其保存的密钥会从这台收银机中删除。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="819" />
        <source>Switch this till to a real merchant? Payments will be real money, paid by customers through WeChat Pay.</source>
        <translation>将这台收银机切换到真实商户？收取的将是顾客通过微信支付付出的真实资金。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="822" />
        <source>Change payment mode</source>
        <translation>更改收款方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="860" />
        <source>Fix the merchant details first.</source>
        <translation>请先修正商户信息。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="878" />
        <source>Asking WeChat Pay…</source>
        <translation>正在询问微信支付…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="893" />
        <source>Connected: the AppID, merchant number and API key are right.</source>
        <translation>连接成功：AppID、商户号和 API 密钥均正确。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="895" />
        <source>Wrong API key: WeChat Pay rejected the signature. Copy the key again from the merchant platform (Account → API security).</source>
        <translation>API 密钥错误：微信支付拒绝了签名。请从商户平台（账户中心 → API 安全）重新复制密钥。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="899" />
        <source>Wrong merchant: the merchant number does not exist or the AppID is not bound to it. Check both.</source>
        <translation>商户错误：商户号不存在，或 AppID 未与其绑定。请检查两者。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="903" />
        <source>Cannot reach WeChat Pay: check the network connection (or the proxy).</source>
        <translation>无法连接微信支付：请检查网络连接（或代理）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="905" />
        <source>Unexpected answer from WeChat Pay.</source>
        <translation>微信支付返回了意外的应答。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1018" />
        <source>Some fields need fixing (see the red notes).</source>
        <translation>有些字段需要修改（见红色提示）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1030" />
        <source>Could not save: {reason}</source>
        <translation>无法保存：{reason}</translation>
    </message>
</context>
</TS>