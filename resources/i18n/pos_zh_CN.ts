<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="47" />
        <source>Clerks and managers</source>
        <extracomment>The list was read again after a change (the accounts, active and not).</extracomment>
        <translation>收银员与店长</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="56" />
        <location filename="../../pos/ui/manager/accounts.py" line="141" />
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="64" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="66" />
        <location filename="../../pos/ui/manager/accounts.py" line="121" />
        <source>clerk</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="67" />
        <location filename="../../pos/ui/manager/accounts.py" line="121" />
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="68" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="73" />
        <source>4 to 6 digits</source>
        <translation>4 到 6 位数字</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="74" />
        <source>PIN (new, or a manager's return)</source>
        <translation>PIN（新账号，或店长重新启用）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="82" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="85" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="124" />
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="139" />
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="150" />
        <source>Type the name first.</source>
        <translation>请先输入姓名。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="156" />
        <source>%1 added.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="171" />
        <source>%1 is active again.</source>
        <translation>%1 已重新启用。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="171" />
        <source>%1 is deactivated.</source>
        <translation>%1 已停用。</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../pos/ui/manager/alarms.py" line="26" />
        <source>ALARM %1 %2: %3</source>
        <translation>警报 %1 %2：%3</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../pos/ui/approval.py" line="26" />
        <source>A refund</source>
        <extracomment>What each action is called in the refusal, by pos.shop.Action value.</extracomment>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="27" />
        <source>The settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="28" />
        <source>Editing the products</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="29" />
        <source>An export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="30" />
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="31" />
        <source>The manager's view</source>
        <translation>店长视图</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="32" />
        <source>Clerks' accounts</source>
        <translation>收银员账号</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="33" />
        <source>Closing another clerk's shift</source>
        <translation>结束其他收银员的班次</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="34" />
        <source>The day's close</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="42" />
        <source>%1 needs a manager.</source>
        <translation>%1需要店长权限。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="55" />
        <source>Manager's approval</source>
        <extracomment>A manager typed a PIN (checked by the caller, on the database worker).</extracomment>
        <translation>店长授权</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="61" />
        <source>A manager may approve it once with their own PIN.</source>
        <translation>店长可用自己的 PIN 授权这一次操作。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="67" />
        <source>Manager's PIN</source>
        <translation>店长 PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="77" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="79" />
        <source>Approve (Enter)</source>
        <translation>授权 (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="96" />
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
</context>
<context>
    <name>CashSaleDialog</name>
    <message>
        <location filename="../../pos/ui/cash.py" line="47" />
        <source>Cash sale</source>
        <extracomment>The clerk confirmed: (amount_fen, received_fen).</extracomment>
        <translation>现金收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="56" />
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="61" />
        <source>Cash received (yuan)</source>
        <translation>实收现金（元）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="63" />
        <source>Change due</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="77" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="79" />
        <source>Take the cash (Enter)</source>
        <translation>收下现金 (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="140" />
        <source>Storing the sale…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="145" />
        <source>Less cash received than the amount.</source>
        <translation>实收现金少于金额。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="155" />
        <source>Cash sale %1 stored. Give %2 back.</source>
        <translation>现金收款 %1 已保存。请找零 %2。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="159" />
        <source>Done (Enter)</source>
        <translation>完成 (Enter)</translation>
    </message>
</context>
<context>
    <name>CashierWindow</name>
    <message>
        <location filename="../../pos/ui/app.py" line="549" />
        <location filename="../../pos/ui/cashier.py" line="93" />
        <source>WeChat Pay cashier</source>
        <extracomment>The services are open and the session attached (recovery runs next). The services could not be opened (bad settings, unreadable database): message. The one way the till's widgets run work off the main thread (pos.ui.ops). The till's outbox to the shop server (pos.ui.shop_sync); None without a server.
----------
After a payment the paid screen stays this long, unless the clerk presses Enter. What a clerk can type into the amount; everything else is ignored (paste may bring more). Between the till's parts (the columns, and the rows of the left one), in pixels. The clerk asked to save a new product list (the app stores it on the DB worker). The clerk asked for the manager's view (F11) or the settings (F12); the app opens them. Sandbox mode: the newcomer asked for the 模拟顾客 window (F9); the app opens it. The clerk asked to print the last paid deal's slip again (F10); the counter prints it. The clerk asked to edit the products; the app asks for the manager PIN, then calls :meth:`edit_products`.</extracomment>
        <translation>微信支付收银台</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="107" />
        <location filename="../../pos/ui/cashier.py" line="578" />
        <source>Checking unfinished payments…</source>
        <extracomment>the customer's payment code: the gun in the keys, a code typed by hand</extracomment>
        <translation>正在核对未完成的收款…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="136" />
        <source>SANDBOX MODE — payments are simulated, no real money moves</source>
        <translation>沙箱模式 — 模拟支付，不会产生真实交易</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="170" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="175" />
        <source>Charge (Enter)</source>
        <translation>收款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="188" />
        <source>Today's payments</source>
        <translation>今日收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="191" />
        <source>Customer (F9)</source>
        <translation>模拟顾客 (F9)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="197" />
        <source>Manager (F11)</source>
        <translation>店长 (F11)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="198" />
        <source>Settings (F12)</source>
        <translation>设置 (F12)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="216" />
        <source>Reprint (F10)</source>
        <translation>补打 (F10)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="341" />
        <source>Ready: type an amount, then Enter for the QR, or scan the payment code.</source>
        <translation>就绪：输入金额后按 Enter 扫码收款，或直接扫描顾客付款码。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="95" />
        <source>Type an amount first.</source>
        <extracomment>The clerk's words for each rule of :func:`pos.money.parse_amount`, by the error's code (%1 in over_limit: the limit).</extracomment>
        <translation>请先输入金额。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="96" />
        <source>That is not an amount.</source>
        <translation>金额格式不正确。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="97" />
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="98" />
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="99" />
        <source>At most two decimals (fen).</source>
        <translation>最多两位小数（精确到分）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="100" />
        <source>Over the limit of %1 per payment.</source>
        <translation>超过单笔限额 %1。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="426" />
        <source>Checking unfinished payments… Press Esc to open the till now; the check goes on in the background.</source>
        <translation>正在核对未完成的收款… 按 Esc 可立即开始收款，核对将在后台继续。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="437" />
        <source>%n unfinished payment(s) still being checked with WeChat Pay in the background (listed as result pending). Ready.</source>
        <translation>
            <numerusform>%n 笔未完成的收款仍在后台向微信支付核对（列表中显示为“结果待确认”）。就绪。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="444" />
        <source>%n unfinished payment(s) checked. Ready.</source>
        <translation>
            <numerusform>已核对 %n 笔未完成的收款。就绪。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="448" />
        <source>The payment could not be saved, so nothing was charged: %1</source>
        <translation>无法保存该笔收款，未发起扣款：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="458" />
        <source>Creating the order for %1…</source>
        <translation>正在为 %1 创建订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="468" />
        <source>Waiting for the customer to pay %1…</source>
        <translation>等待顾客支付 %1…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="499" />
        <source>Paid: %1 ✓</source>
        <translation>收款成功：%1 ✓</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="105" />
        <source>Not charged (%1): %2</source>
        <extracomment>A payment code refused (%1 the amount, %2 the refusal's words).</extracomment>
        <translation>未收款（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="108" />
        <source>Payment of %1: the reverse is not confirmed yet; it is tried again at the next start. Tell the manager.</source>
        <extracomment>A payment code's reverse left to the next start (its deal stays REVERSING).</extracomment>
        <translation>%1 的收款：撤销尚未确认，下次启动时将再次撤销。请告知店长。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="305" />
        <source>Payment of %1 cancelled. The order is being closed.</source>
        <translation>%1 的收款已取消，正在关闭订单。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="308" />
        <source>Time is up for %1. The order is being closed.</source>
        <translation>%1 的收款已超时，正在关闭订单。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="311" />
        <source>WeChat Pay refused the payment of %1.</source>
        <translation>微信支付拒绝了 %1 的收款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="314" />
        <location filename="../../pos/ui/texts.py" line="339" />
        <source>Payment of %1 closed, not paid.</source>
        <translation>%1 的订单已关闭，未支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="316" />
        <source>Payment of %1 cancelled. It is being reversed…</source>
        <translation>%1 的收款已取消，正在撤销…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="319" />
        <source>No password for %1 in time. The payment is being reversed…</source>
        <translation>%1 的收款：顾客未在限定时间内输入密码，正在撤销…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="322" />
        <source>No clear answer for %1 in time. The payment is being reversed…</source>
        <translation>%1 的收款：未能及时确认结果，正在撤销…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="325" />
        <source>The payment of %1 failed. It is being reversed…</source>
        <translation>%1 的支付失败，正在撤销…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="340" />
        <source>Payment of %1: no order was made, nothing was paid.</source>
        <translation>%1 的订单未创建，未支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="343" />
        <source>Payment of %1 was paid after all (late payment).</source>
        <translation>%1 最终已支付（延迟到账）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="346" />
        <source>Payment of %1: WeChat Pay reports another amount paid. Tell the manager.</source>
        <translation>%1 的订单：微信支付报告的支付金额不符，请告知店长。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="350" />
        <source>Payment of %1 reversed: nothing was kept.</source>
        <translation>%1 的收款已撤销，未扣款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="534" />
        <source>Program error while handling the payment of %1 (order %2); it is in the log. The payment will be checked with WeChat Pay at the next start. Call for support.</source>
        <translation>处理 %1 的收款（订单 %2）时程序出错，已记入日志。这笔收款将在下次启动时向微信支付核对。请联系技术支持。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="542" />
        <source>ALARM: WeChat Pay reported another amount paid for the payment of %1 (order %2). It is not counted as paid. Tell the manager.</source>
        <translation>警报：微信支付报告 %1 的订单（%2）支付金额不符，不计为已支付。请告知店长。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="576" />
        <source>Settings saved. Restart the till to use them.</source>
        <translation>设置已保存，重启收银台后生效。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="594" />
        <source>The till cannot open: %1</source>
        <translation>收银台无法启动：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="608" />
        <source>A payment is in progress. Quit anyway? It will be checked at the next start.</source>
        <translation>有一笔收款正在进行。仍要退出吗？下次启动时会自动核对。</translation>
    </message>
</context>
<context>
    <name>Closing</name>
    <message>
        <location filename="../../pos/ui/closing.py" line="182" />
        <source>The day cannot be closed: a shift of the day is still open, or the day is closed already.</source>
        <extracomment>Where the handover and day-close slips are saved as PDFs, in the data folder.</extracomment>
        <translation>无法日结：当天还有班次未交班，或当天已日结。</translation>
    </message>
</context>
<context>
    <name>CodeDesk</name>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="145" />
        <source>Payment code (*)</source>
        <extracomment>The longest code a till takes by hand (Alipay's reach 24 digits; WeChat's are 18). why payment codes are off here (pos.config.payment_codes), "" when they are on the till's button that opens the field for a code typed by hand</extracomment>
        <translation>付款码 (*)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="197" />
        <source>Type the amount first, then scan the payment code.</source>
        <translation>请先输入金额，再扫描付款码。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="221" />
        <source>Payment codes are off: a real merchant needs the API certificate for them (an unfinished payment is reversed with it). Add it in the settings (F12); the QR works meanwhile.</source>
        <translation>付款码收款已关闭：正式商户需要 API 证书才能使用付款码（未完成的支付要用它撤销）。请在设置（F12）中添加证书；在此之前可使用扫码收款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="234" />
        <source>Charging the payment code: %1…</source>
        <translation>正在扣款（付款码）：%1…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="254" />
        <source>%1 s left</source>
        <translation>剩余 %1 秒</translation>
    </message>
</context>
<context>
    <name>CodeEntryDialog</name>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="285" />
        <source>Payment code</source>
        <extracomment>The clerk typed a code and pressed OK (the code, not kept anywhere else).</extracomment>
        <translation>付款码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="289" />
        <source>Type the digits under the barcode of the customer's payment code, then press Enter. A scanner gun can scan into this field too.</source>
        <translation>请输入顾客付款码条形码下方的数字，然后按回车。扫码枪也可以扫入此输入框。</translation>
    </message>
</context>
<context>
    <name>CodeSimBox</name>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="270" />
        <source>Paid</source>
        <extracomment>The sandbox's scripted endings (pos.sandbox.codes): a name, and what the till then does.</extracomment>
        <translation>直接支付成功</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="271" />
        <source>Paid at once: the till shows the paid screen.</source>
        <translation>立即支付成功：收银台显示收款成功。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="275" />
        <source>Password, then paid</source>
        <translation>输入密码后支付成功</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="276" />
        <source>The customer must enter the password: the till waits with a countdown, then shows it paid (after 10 s).</source>
        <translation>顾客需要输入支付密码：收银台倒计时等待，约 10 秒后显示收款成功。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="284" />
        <source>Password, then failed</source>
        <translation>输入密码后支付失败</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="285" />
        <source>The password is asked, then the payment fails: the till reverses the order.</source>
        <translation>要求输入密码，随后支付失败：收银台撤销订单。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="292" />
        <source>Password never entered</source>
        <translation>始终未输入密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="293" />
        <source>The customer never enters the password: at the end of its wait the till reverses the order (Esc reverses it sooner).</source>
        <translation>顾客始终未输入密码：等待结束后收银台撤销订单（按 Esc 可提前撤销）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="301" />
        <source>Not enough money</source>
        <translation>余额不足</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="302" />
        <source>Refused (NOTENOUGH): nothing is charged; the amount stays.</source>
        <translation>被拒绝（NOTENOUGH）：未扣款，金额保留。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="308" />
        <source>Code expired</source>
        <translation>付款码已过期</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="309" />
        <source>Refused (AUTHCODEEXPIRE): the customer must refresh the code.</source>
        <translation>被拒绝（AUTHCODEEXPIRE）：顾客需要刷新付款码。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="315" />
        <source>Bank error, but paid</source>
        <translation>银行错误，但已支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="316" />
        <source>BANKERROR: the till asks WeChat Pay at once and finds it paid.</source>
        <translation>BANKERROR：收银台立即向微信支付查询，结果为已支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="322" />
        <source>Error, but paid</source>
        <translation>系统错误，但已支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="323" />
        <source>SYSTEMERROR: the till asks WeChat Pay after 5 s and finds it paid.</source>
        <translation>SYSTEMERROR：收银台 5 秒后向微信支付查询，结果为已支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="329" />
        <source>Error, and nothing</source>
        <translation>系统错误，未支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="330" />
        <source>SYSTEMERROR: the till asks WeChat Pay after 5 s and finds no payment; nothing is charged.</source>
        <translation>SYSTEMERROR：收银台 5 秒后向微信支付查询，没有支付；未扣款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="338" />
        <source>Card not supported</source>
        <translation>不支持该卡</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="339" />
        <source>Refused (NOTSUPORTCARD): the customer pays another way.</source>
        <translation>被拒绝（NOTSUPORTCARD）：顾客需改用其他方式支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="355" />
        <source>Simulated payment code</source>
        <extracomment>"Scan into the till" was pressed: the code (a fresh one is shown next: each pays once).</extracomment>
        <translation>模拟顾客付款码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="360" />
        <source>Or pay with the customer's payment code: type the amount on the till (without Enter), choose what the customer's phone does, and scan.</source>
        <translation>或者用顾客付款码支付：在收银台输入金额（不按回车），选择顾客手机的结果，然后扫码。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="382" />
        <source>Scan into the till</source>
        <translation>扫入收银台</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <location filename="../../pos/ui/counter.py" line="219" />
        <location filename="../../pos/ui/counter.py" line="267" />
        <location filename="../../pos/ui/counter.py" line="382" />
        <source>The printer setting is wrong: %1</source>
        <extracomment>Told how one slip went: "" when it printed, else the clerk's message. The announcement (its clips) is ready and was handed to the player. Speaking failed (no clips, disk full): the reason; the chime plays instead. A slip reached the printer: "receipt" or "test". A slip did not print: what it was, and the clerk's message. Seconds to connect to and write to the printer before giving up (None: the printing module's default, read when printing: the window is shown without it).</extracomment>
        <translation>打印机设置有误：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="233" />
        <location filename="../../pos/ui/counter.py" line="271" />
        <location filename="../../pos/ui/counter.py" line="295" />
        <source>No receipt printer is set (Settings, F12).</source>
        <translation>未设置小票打印机（设置，F12）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="238" />
        <location filename="../../pos/ui/counter.py" line="251" />
        <source>Nothing to reprint yet.</source>
        <translation>还没有可补打的小票。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="338" />
        <source>The refund slip did not print: %1.</source>
        <translation>退款凭证未打印：%1。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="358" />
        <source>printer off or unplugged (%1)</source>
        <translation>打印机未开机或未连接（%1）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="359" />
        <source>the printer did not answer (%1)</source>
        <translation>打印机无响应（%1）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="360" />
        <source>printer not found (%1)</source>
        <translation>找不到打印机（%1）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="361" />
        <source>printer out of paper</source>
        <translation>打印机缺纸</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="377" />
        <source>Printer off or unplugged: %1. Press F10 to reprint.</source>
        <translation>打印机未开机或未连接：%1。按 F10 补打。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="378" />
        <source>The printer did not answer: %1. Press F10 to reprint.</source>
        <translation>打印机无响应：%1。按 F10 补打。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="379" />
        <source>Printer not found: %1. Press F10 to reprint.</source>
        <translation>找不到打印机：%1。按 F10 补打。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="380" />
        <source>Printer out of paper: load paper and press F10 to reprint.</source>
        <translation>打印机缺纸：装纸后按 F10 补打。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="381" />
        <source>Printing needs a driver: %1</source>
        <translation>打印需要安装驱动：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="384" />
        <source>Not printed: %1. Press F10 to reprint.</source>
        <translation>未能打印：%1。按 F10 补打。</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="154" />
        <source>WeChat Pay</source>
        <extracomment>The white border around a QR code, in modules (the standard's quiet zone). The compact customer view: its width as a share of the screen's, within these pixels, and its height per width (portrait: the code above the words, as wide as the window). Pixels between the compact view and the screen's edges. A page was painted: "qrPage", "paidPage" or "messagePage" (for measurements).</extracomment>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="177" />
        <source>Scan with WeChat to pay</source>
        <translation>请使用微信扫码支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="189" />
        <location filename="../../pos/ui/customer_screen.py" line="258" />
        <location filename="../../pos/ui/customer_screen.py" line="344" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="319" />
        <source>Paid</source>
        <translation>支付成功</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="323" />
        <source>Thank you!</source>
        <translation>谢谢惠顾！</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="377" />
        <location filename="../../pos/ui/customer_screen.py" line="418" />
        <location filename="../../pos/ui/customer_screen.py" line="467" />
        <location filename="../../pos/ui/customer_screen.py" line="492" />
        <source>Amount to pay</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="386" />
        <source>Show your payment code</source>
        <translation>请出示付款码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="387" />
        <source>In WeChat: Me → Services → Money</source>
        <translation>打开微信：我 → 服务 → 收付款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="398" />
        <source>Enter your payment password on your phone</source>
        <translation>请在手机上输入支付密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="399" />
        <source>Waiting for WeChat Pay to confirm…</source>
        <translation>正在等待微信支付确认…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="409" />
        <source>Payment failed</source>
        <translation>支付失败</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="410" />
        <source>Nothing was charged.</source>
        <translation>未扣款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="509" />
        <source>Preparing the payment code…</source>
        <translation>正在生成收款码…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="529" />
        <source>Code valid for %1</source>
        <translation>二维码有效时间 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/customer_screen.py" line="532" />
        <source>%n second(s) left</source>
        <translation><numerusform>剩余 %n 秒</numerusform></translation>
    </message>
</context>
<context>
    <name>CustomerSimWindow</name>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="90" />
        <source>Customer (sandbox)</source>
        <extracomment>How long one call to the sandbox may take (it is on loopback). The sandbox answered a move: (action, the answer as a dict). 模拟顾客付款码: the newcomer "scanned" this payment code into the till.</extracomment>
        <translation>模拟顾客（沙箱）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="95" />
        <source>This window is the customer's phone. Charge an amount on the till, then pay it here.</source>
        <translation>这个窗口就是顾客的手机：在收银台输入金额收款，然后在这里替顾客付款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="114" />
        <source>Wait for the password</source>
        <translation>等待输入密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="116" />
        <source>Give up</source>
        <translation>放弃支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="131" />
        <source>Or open in a browser:</source>
        <translation>或用浏览器打开：</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="158" />
        <source>No order on screen. Charge an amount on the till first.</source>
        <translation>收银台上没有待付款的订单。请先在收银台输入金额并收款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="160" />
        <location filename="../../pos/ui/customer_sim.py" line="170" />
        <source>Pay %1</source>
        <translation>支付 %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="166" />
        <source>Order %1 — %2</source>
        <translation>订单 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="190" />
        <source>Paying…</source>
        <translation>正在支付…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="206" />
        <source>Paid %1. The till shows it in a moment.</source>
        <translation>已支付 %1，收银台马上会显示。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="211" />
        <source>The customer is typing the password. WeChat still says “not paid”; press Pay to finish or Give up.</source>
        <translation>顾客正在输入密码，微信仍显示“未支付”。按“支付”完成付款，或“放弃支付”。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="216" />
        <source>The customer gave up. The till keeps waiting until it times out or is cancelled.</source>
        <translation>顾客放弃了支付。收银台会继续等待，直到超时或被取消。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="219" />
        <source>The QR cannot be paid: %1</source>
        <translation>无法支付此二维码：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="230" />
        <source>program error, see the log</source>
        <translation>程序出错，详见日志</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="231" />
        <source>The sandbox did not answer: %1</source>
        <translation>沙箱没有响应：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="242" />
        <source>Paid ✓</source>
        <translation>已支付 ✓</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="255" />
        <source>The clerk cancelled this order; it can no longer be paid.</source>
        <translation>收银员已取消该订单，无法再支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="257" />
        <source>Time is up for this order; it can no longer be paid.</source>
        <translation>该订单已超时，无法再支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="259" />
        <source>This order has ended without a payment.</source>
        <translation>该订单已结束，未支付。</translation>
    </message>
</context>
<context>
    <name>DayCloseDialog</name>
    <message>
        <location filename="../../pos/ui/shift.py" line="277" />
        <source>Day close %1</source>
        <extracomment>The manager asked to print the slip.</extracomment>
        <translation>日结 %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="284" />
        <source>The day is closed. The slip is saved as %1.</source>
        <translation>已日结。日结单已保存为 %1。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="286" />
        <source>The day is closed. The slip could not be saved as a PDF.</source>
        <translation>已日结。日结单未能保存为 PDF。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="292" />
        <source>Print the slip</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="295" />
        <source>Close (Enter)</source>
        <translation>关闭 (Enter)</translation>
    </message>
</context>
<context>
    <name>DealList</name>
    <message>
        <location filename="../../pos/ui/deal_list.py" line="69" />
        <source>No payments yet today.</source>
        <extracomment>The list is set in a fixed-pitch font, so that its columns line up; the CJK one first, whose Chinese characters are exactly two Latin ones wide.</extracomment>
        <translation>今天还没有收款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/deal_list.py" line="83" />
        <source>result pending</source>
        <translation>结果待确认</translation>
    </message>
    <message>
        <location filename="../../pos/ui/deal_list.py" line="87" />
        <source>%1 (late)</source>
        <translation>%1（迟到）</translation>
    </message>
</context>
<context>
    <name>DealState</name>
    <message>
        <location filename="../../pos/ui/texts.py" line="42" />
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="43" />
        <source>waiting</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="44" />
        <source>closing</source>
        <translation>关闭中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="45" />
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="46" />
        <source>not paid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="47" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="48" />
        <source>part refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="49" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="50" />
        <source>reversing</source>
        <translation>撤销中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="51" />
        <source>reversed</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>DealTableModel</name>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="31" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="32" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="33" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="34" />
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="35" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="36" />
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="37" />
        <source>Order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="38" />
        <source>WeChat transaction</source>
        <translation>微信订单号</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="44" />
        <source>creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="45" />
        <source>waiting</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="46" />
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="47" />
        <source>closing</source>
        <translation>关闭中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="48" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="49" />
        <source>failed</source>
        <translation>下单失败</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="50" />
        <source>part refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="51" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="52" />
        <source>reversing</source>
        <translation>撤销中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="53" />
        <source>reversed</source>
        <translation>已撤销</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../pos/ui/texts.py" line="116" />
        <source>Program error; it is in the log. The till goes on. Call for support.</source>
        <translation>程序出错，已记入日志。收银台可以继续使用，请联系技术支持。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../pos/ui/shift.py" line="42" />
        <source>QR code</source>
        <extracomment>How the screens name the methods, by PaymentMethod value (the slips' own words in Chinese).</extracomment>
        <translation>扫码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="43" />
        <source>Payment code</source>
        <translation>付款码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="44" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="67" />
        <source>Method</source>
        <extracomment>The largest drawer the till takes, in fen (a typo, not a drawer, beyond it).</extracomment>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="68" />
        <source>Count</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="69" />
        <source>Takings</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="70" />
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="71" />
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="82" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="134" />
        <source>Handover</source>
        <extracomment>The clerk confirmed the count: (counted_fen, note). The clerk asked to print the slip again.</extracomment>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="138" />
        <source>Handover of %1</source>
        <translation>%1 交班</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="143" />
        <source>Float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="146" />
        <source>Cash expected</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="149" />
        <source>the cash counted in the drawer, yuan</source>
        <translation>钱箱实点现金（元）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="152" />
        <source>Cash counted</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="155" />
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="159" />
        <source>why the drawer differs, who takes over…</source>
        <translation>差额原因、接班人…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="161" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="172" />
        <source>Not now (Esc)</source>
        <translation>暂不交班 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="174" />
        <source>Print the slip</source>
        <translation>打印交班单</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="177" />
        <source>Hand over (Enter)</source>
        <translation>交班 (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="201" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="203" />
        <source>short</source>
        <translation>短款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="203" />
        <source>over</source>
        <translation>长款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="229" />
        <source>Type the cash counted in yuan, for example 512.50.</source>
        <translation>请输入实点现金（元），例如 512.50。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="233" />
        <source>Closing the shift…</source>
        <translation>正在交班…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="244" />
        <source>Handed over. The slip is saved as %1.</source>
        <translation>已交班。交班单已保存为 %1。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="246" />
        <source>Handed over. The slip could not be saved as a PDF.</source>
        <translation>已交班。交班单未能保存为 PDF。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="250" />
        <source>Next clerk (Enter)</source>
        <translation>下一位收银员 (Enter)</translation>
    </message>
</context>
<context>
    <name>LateBanner</name>
    <message>
        <location filename="../../pos/ui/late_banner.py" line="30" />
        <source>Acknowledge</source>
        <extracomment>The clerk acknowledged this late payment (a :class:`pos.store.Deal`).</extracomment>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../pos/ui/late_banner.py" line="59" />
        <source>LATE PAYMENT: %1 for "%2" was paid after the code was taken away. It is recorded as paid.</source>
        <translation>迟到的付款：“%2” %1 在二维码撤下后完成支付，已记为已收款。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/late_banner.py" line="66" />
        <source>(%n more)</source>
        <translation>
            <numerusform>（另有 %n 笔）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../pos/ui/login.py" line="109" />
        <source>Type your number and press Enter, then your PIN.</source>
        <extracomment>The longest PIN an account has (pos.shop.accounts: 4 to 6 digits). The clerk typed a number and a PIN: (number, pin). The locked till's clerk typed their PIN. Someone else wants the locked till (the clerk stays logged out; their shift stays open). The float was counted into the drawer, in fen. A manager closes the day instead of opening a shift (after the last handover).</extracomment>
        <translation>输入工号后按 Enter，再输入 PIN。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="119" />
        <source>Number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="125" />
        <source>Log in (Enter)</source>
        <translation>登录 (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="140" />
        <location filename="../../pos/ui/login.py" line="168" />
        <source>Another clerk (F2)</source>
        <translation>换人 (F2)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="142" />
        <source>Unlock (Enter)</source>
        <translation>解锁 (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="153" />
        <source>Count the cash float into the drawer and type the sum (yuan).</source>
        <translation>请清点放入钱箱的备用金，并输入金额（元）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="161" />
        <source>Open the shift (Enter)</source>
        <translation>开班 (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="164" />
        <source>Close the day instead (F4)</source>
        <translation>不开班，直接日结 (F4)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="177" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="191" />
        <source>Log in</source>
        <translation>收银员登录</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="195" />
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="195" />
        <source>clerk</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="205" />
        <source>The till is locked</source>
        <translation>收银台已锁定</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="207" />
        <source>%1, type your PIN to go on.</source>
        <translation>%1，请输入 PIN 继续。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="214" />
        <source>New shift of %1</source>
        <translation>%1 开班</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="249" />
        <location filename="../../pos/ui/login.py" line="263" />
        <source>Type the number shown before your name.</source>
        <translation>请输入姓名前的工号。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="285" />
        <source>Type the float in yuan, for example 200 or 0.</source>
        <translation>请输入备用金（元），例如 200 或 0。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="287" />
        <source>Opening the shift with %1…</source>
        <translation>正在以 %1 开班…</translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="69" />
        <source>Manager — transactions of the day</source>
        <extracomment>The day's report was loaded and shown. An export finished: (path, Totals) or failed: (path, message). A reconciliation report is shown. A long task (``"export"`` or ``"reconcile"``) stopped after the manager cancelled it; emitted when the worker has really stopped (and removed any partial file). The progress of the long task running now (export or reconcile), if any.</extracomment>
        <translation>店长 — 当日交易</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="98" />
        <source>Day:</source>
        <extracomment>The value label of each figure: ``count``, ``gross``, ``refunded``, ``net``.</extracomment>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="110" />
        <source>Search amount or order number</source>
        <translation>按金额或订单号搜索</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="114" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="79" />
        <source>Paid deals</source>
        <translation>已支付笔数</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="80" />
        <source>Takings</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="81" />
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="82" />
        <source>Net</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="144" />
        <source>This day</source>
        <translation>当天</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="145" />
        <source>Its month</source>
        <translation>当月（至所选日）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="147" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="149" />
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="151" />
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="154" />
        <source>Reconcile with WeChat…</source>
        <translation>与微信对账…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="157" />
        <source>Whole shop…</source>
        <translation>全店…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="161" />
        <source>Clerks…</source>
        <translation>收银员…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="167" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="204" />
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="230" />
        <source>Takings by hour</source>
        <translation>每小时收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="235" />
        <source>Could not load the day: %1</source>
        <translation>无法加载当日数据：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="242" />
        <source>%1 deals, %2 shown.</source>
        <translation>共 %1 笔交易，显示 %2 笔。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="283" />
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="298" />
        <location filename="../../pos/ui/manager/window.py" line="301" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="330" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="347" />
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="350" />
        <source>Reconciliation cancelled.</source>
        <translation>已取消对账。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="354" />
        <source>Exported %1 deals to %2.</source>
        <translation>已导出 %1 笔交易到 %2。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="361" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="394" />
        <source>Refund of %1: %2</source>
        <translation>%1 的退款：%2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="426" />
        <source>Downloading WeChat's bill of %1…</source>
        <translation>正在下载 %1 的微信账单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="452" />
        <source>WeChat makes the bill of %1 the next morning. You can reconcile it after %2.</source>
        <translation>微信在次日上午生成 %1 的账单，%2 之后即可对账。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="458" />
        <source>Reconciliation failed: %1</source>
        <translation>对账失败：%1</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../pos/ui/texts.py" line="136" />
        <source>Creating the order…</source>
        <translation>正在创建订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="137" />
        <source>Waiting for the customer to scan and pay…</source>
        <translation>等待顾客扫码支付…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="140" />
        <source>No answer from WeChat Pay, still checking…</source>
        <translation>微信支付暂无响应，仍在查询…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="143" />
        <source>Checking the order with WeChat Pay…</source>
        <translation>正在向微信支付查询订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="146" />
        <source>A reply failed its signature check; still checking with WeChat Pay…</source>
        <translation>收到签名校验失败的应答，仍在向微信支付查询…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="149" />
        <source>Time is up; closing the order…</source>
        <translation>已超时，正在关闭订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="150" />
        <source>Cancelled; closing the order…</source>
        <translation>已取消，正在关闭订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="151" />
        <source>Closing the order, trying again…</source>
        <translation>正在关闭订单，重试中…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="152" />
        <source>A payment notice with a wrong amount was ignored. Tell the manager.</source>
        <translation>已忽略一条金额不符的支付通知，请告知店长。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="155" />
        <source>The local database could not be written! Hand nothing over until it is fixed.</source>
        <translation>本地数据库写入失败！修复前请勿交付商品。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="171" />
        <source>Charging the payment code…</source>
        <translation>正在扣款，请稍候…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="172" />
        <source>Ask the customer to enter the payment password on their phone</source>
        <translation>请顾客在手机上输入支付密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="175" />
        <source>No password in time: the payment is being reversed…</source>
        <translation>顾客未在限定时间内输入密码，正在撤销…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="178" />
        <source>No clear answer from WeChat Pay in time: the payment is being reversed…</source>
        <translation>未能及时从微信支付确认结果，正在撤销…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="181" />
        <source>The payment failed: it is being reversed…</source>
        <translation>支付失败，正在撤销…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="184" />
        <source>Cancelled: the payment is being reversed…</source>
        <translation>已取消，正在撤销…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="187" />
        <source>A payment code from before the restart is being reversed…</source>
        <translation>正在撤销重启前未完成的付款码支付…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="190" />
        <source>Reversing the payment again…</source>
        <translation>正在再次撤销…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="191" />
        <source>Reversed: nothing was charged.</source>
        <translation>已撤销，顾客未被扣款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="192" />
        <source>WeChat Pay refused the reverse; checking the order…</source>
        <translation>微信支付拒绝撤销，正在查询订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="195" />
        <source>The reverse is not confirmed; it is tried again at the next start. Tell the manager.</source>
        <translation>撤销尚未确认，下次启动时将再次撤销。请告知店长。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="199" />
        <source>No payment was made; nothing was charged.</source>
        <translation>未发生支付，顾客未被扣款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="202" />
        <source>This till takes WeChat Pay only: ask the customer for the WeChat payment code.</source>
        <translation>本收银台仅支持微信支付，请顾客出示微信付款码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="206" />
        <source>That is not a payment code: scan the customer's WeChat payment code.</source>
        <translation>这不是付款码，请扫描顾客的微信付款码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="209" />
        <source>This payment code was used before: ask the customer to refresh it.</source>
        <translation>该付款码已使用过，请顾客刷新付款码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="212" />
        <source>Not enough balance: ask the customer to switch cards or pay another way.</source>
        <translation>余额不足，请顾客换卡或改用其他方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="215" />
        <source>The payment code has expired: ask the customer to refresh it.</source>
        <translation>付款码已过期，请顾客刷新</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="218" />
        <source>The payment code is wrong or used: ask the customer to refresh it.</source>
        <translation>付款码错误或已使用，请顾客刷新</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="221" />
        <source>Not a valid WeChat payment code: scan it again.</source>
        <translation>不是有效的微信付款码，请重新扫码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="224" />
        <source>This card is not accepted: ask the customer to switch cards or pay another way.</source>
        <translation>不支持该卡，请顾客换卡或改用其他方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="228" />
        <source>Another customer already tried to pay this order: charge again.</source>
        <translation>其他顾客已尝试支付此订单，请重新收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="231" />
        <source>WeChat Pay says the order is already paid; checking…</source>
        <translation>微信支付显示订单已支付，正在确认…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="234" />
        <source>The order is closed: charge again.</source>
        <translation>订单已关闭，请重新收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="235" />
        <source>The order was reversed: charge again.</source>
        <translation>订单已撤销，请重新收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="238" />
        <source>The order number was used before; checking…</source>
        <translation>订单号已使用，正在查询…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="241" />
        <source>The merchant has no permission for payment codes: check the merchant platform.</source>
        <translation>商户没有付款码支付权限，请在商户平台检查</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="245" />
        <source>WeChat Pay refused the payment (its rules or risk control): ask the customer to pay another way.</source>
        <translation>微信支付拒绝了这笔交易（规则或风控），请顾客改用其他方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="250" />
        <source>The merchant settings are wrong (AppID, merchant number): check them.</source>
        <translation>商户设置有误（AppID 或商户号），请检查设置</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="253" />
        <source>WeChat Pay could not accept the request: call for support.</source>
        <translation>微信支付无法接受请求，请联系技术支持</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="256" />
        <source>WeChat Pay refused the payment code.</source>
        <translation>微信支付拒绝了此付款码</translation>
    </message>
</context>
<context>
    <name>PaymentMethod</name>
    <message>
        <location filename="../../pos/ui/texts.py" line="83" />
        <source>QR</source>
        <translation>扫码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="84" />
        <source>payment code</source>
        <translation>付款码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="85" />
        <source>cash</source>
        <translation>现金</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="72" />
        <source>Manager</source>
        <extracomment>The right PIN was entered (or a new one saved) and the manager window is open. The right PIN was entered when the dialog only guards something else (the settings).</extracomment>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="75" />
        <source>Set a manager PIN (4 to 12 digits). It guards refunds and the day's figures.</source>
        <translation>请设置店长密码（4 至 12 位数字），用于保护退款和当日账目。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="77" />
        <source>Enter the manager PIN.</source>
        <translation>请输入店长密码。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="84" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="90" />
        <source>PIN again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="100" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="102" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="133" />
        <source>The PIN must be 4 to 12 digits.</source>
        <translation>密码须为 4 至 12 位数字。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="136" />
        <source>The two PINs differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="138" />
        <source>Saving the PIN…</source>
        <translation>正在保存密码…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="162" />
        <source>The PIN could not be saved: %1</source>
        <translation>密码保存失败：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="177" />
        <source>Wrong PIN. %1 tries left.</source>
        <translation>密码错误，还可尝试 %1 次。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="190" />
        <source>Too many wrong PINs. Locked for %1 min %2 s.</source>
        <translation>密码错误次数过多，已锁定 %1 分 %2 秒。</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../pos/ui/products.py" line="41" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="44" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="45" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="46" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="47" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="48" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="102" />
        <source>Add product</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="85" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="112" />
        <source>Rename product</source>
        <translation>重命名商品</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <location filename="../../pos/ui/products.py" line="163" />
        <source>Or type what is sold</source>
        <extracomment>F1–F8 pick the first eight products. The clerk asked to edit the products (the app asks for the manager PIN first). the products' names, in quick-key order the quick keys' buttons (F1, F2, …)</extracomment>
        <translation>或输入商品名称</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="166" />
        <source>Edit products…</source>
        <translation>编辑商品…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="216" />
        <source>Purchase</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="226" />
        <source>Product: %1</source>
        <translation>商品：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="232" />
        <source>Product: none chosen (%1, or type a name)</source>
        <translation>商品：未选择（按 %1 选择，或输入名称）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="235" />
        <source>Product: none chosen (type a name)</source>
        <translation>商品：未选择（请输入名称）</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../pos/ui/app.py" line="73" />
        <source>&amp;Look in:</source>
        <extracomment>On quit (window closed, SIGTERM): how long the last database writes may take, how long a network call in flight is waited for, and each embedded server. The whole stays under 3 s (a shop PC shutting down kills what takes longer); what a call in flight would have brought is learned again at the next start (ARCHITECTURE "Recovery").</extracomment>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../pos/ui/app.py" line="74" />
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="62" />
        <source>Reconciliation of %1</source>
        <translation>%1 对账</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="66" />
        <source>Everything matches.</source>
        <translation>全部一致。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager/reconcile.py" line="68" />
        <source>%n difference(s) found.</source>
        <translation>
            <numerusform>发现 %n 处差异。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="82" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="82" />
        <source>Order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="82" />
        <source>Here</source>
        <translation>本店</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="82" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="113" />
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="114" />
        <source>part refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="115" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="116" />
        <source>creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="117" />
        <source>waiting</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="118" />
        <source>closing</source>
        <translation>关闭中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="119" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="120" />
        <source>failed</source>
        <translation>下单失败</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="121" />
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="122" />
        <source>reversed</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="123" />
        <source>processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="124" />
        <source>unconfirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="125" />
        <source>refund closed</source>
        <translation>退款关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="126" />
        <source>refund abnormal</source>
        <translation>退款异常</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="145" />
        <source>%1: WeChat took %2 and refunded %3; the till recorded %4 and %5.</source>
        <translation>%1：微信收款 %2，退款 %3；本店记录收款 %4，退款 %5。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="153" />
        <source>WeChat has no bill for this day.</source>
        <translation>微信没有这一天的账单。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="156" />
        <source>Sandbox: the bill of today up to now (a real merchant gets it tomorrow after 10:00).</source>
        <translation>沙箱：今天截至目前的账单（真实商户次日 10:00 后才能下载）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager/reconcile.py" line="160" />
        <source>%n refund(s) still unconfirmed here.</source>
        <translation>
            <numerusform>本店有 %n 笔退款尚未确认。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="100" />
        <location filename="../../pos/ui/manager/reconcile.py" line="166" />
        <source>Export differences…</source>
        <translation>导出差异…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="31" />
        <source>paid at WeChat, unknown here</source>
        <extracomment>The reconciliation's differences in the manager's words (the values are the core's stable English labels of the CSV and the logs; these are what the dialog shows, translated).</extracomment>
        <translation>微信已收款，本店无记录</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="34" />
        <source>paid at WeChat, not paid here</source>
        <translation>微信已收款，本店未记收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="37" />
        <source>paid here, missing at WeChat</source>
        <translation>本店已收款，微信无记录</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="40" />
        <source>amount differs</source>
        <translation>金额不一致</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="41" />
        <source>state differs</source>
        <translation>状态不一致</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="42" />
        <source>refund at WeChat, unknown here</source>
        <translation>微信有退款，本店无记录</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="45" />
        <source>refund here, missing at WeChat</source>
        <translation>本店有退款，微信无记录</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="48" />
        <source>refund differs</source>
        <translation>退款不一致</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="103" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="45" />
        <source>Refund</source>
        <extracomment>The refund reached a final state, or stopped being followed: RefundProgress.</extracomment>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="78" />
        <source>Amount to refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="82" />
        <source>Reason (shown to the customer)</source>
        <translation>退款原因（顾客可见）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="83" />
        <source>Customer returned the goods</source>
        <translation>顾客退货</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="92" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="94" />
        <source>Next…</source>
        <translation>下一步…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="117" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="119" />
        <source>Confirm refund</source>
        <translation>确认退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="144" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="64" />
        <source>%1 — %2, paid %3, %4 may still be refunded.</source>
        <translation>%1 — %2，已付 %3，可退 %4。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="155" />
        <location filename="../../pos/ui/manager/refund.py" line="161" />
        <source>At most %1 may be refunded.</source>
        <translation>最多可退 %1。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="165" />
        <source>Enter a reason.</source>
        <translation>请填写退款原因。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="170" />
        <source>Refund %1 to the customer for %2?</source>
        <translation>确认向顾客退还 %1（%2）？</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="185" />
        <source>Refunding %1…</source>
        <translation>正在退款 %1…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="229" />
        <source>Refunded %1 ✓</source>
        <translation>已退款 %1 ✓</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="232" />
        <source>WeChat Pay is still processing the refund of %1; it is followed up.</source>
        <translation>微信支付仍在处理 %1 的退款，系统会继续跟进。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="235" />
        <source>The refund needs the merchant platform: %1</source>
        <translation>退款异常，需在商户平台处理：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="240" />
        <location filename="../../pos/ui/manager/refund.py" line="276" />
        <source>The refund failed: %1</source>
        <translation>退款失败：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="255" />
        <source>Refund number: %1</source>
        <translation>退款单号：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="263" />
        <source>Deal %1, paid %2 at %3. Reason: %4</source>
        <translation>订单 %1，%3 支付 %2。原因：%4</translation>
    </message>
</context>
<context>
    <name>RefundSlipRow</name>
    <message>
        <location filename="../../pos/ui/counter.py" line="402" />
        <source>Reprint refund slip</source>
        <translation>补打退款凭证</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="420" />
        <source>Printing the refund slip…</source>
        <translation>正在打印退款凭证…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="436" />
        <source>Refund slip printed.</source>
        <translation>退款凭证已打印。</translation>
    </message>
</context>
<context>
    <name>RefundState</name>
    <message>
        <location filename="../../pos/ui/texts.py" line="64" />
        <source>unconfirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="65" />
        <source>processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="66" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="67" />
        <source>refund closed</source>
        <translation>退款关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="68" />
        <source>refund abnormal</source>
        <translation>退款异常</translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="69" />
        <source>refund failed</source>
        <translation>退款失败</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="144" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/form.py" line="44" />
        <source>Welcome: set up this till</source>
        <extracomment>The window's size, kept inside the screen (an 800-pixel till screen would otherwise hide the title bar and the buttons: the form scrolls instead).</extracomment>
        <translation>欢迎：设置这台收银机</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/form.py" line="46" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/form.py" line="161" />
        <source>This till starts in the sandbox: practice payments, no real money. To take real WeChat Pay payments, choose “Real merchant” and enter the details from the WeChat Pay merchant platform (pay.weixin.qq.com).</source>
        <translation>这台收银机以沙箱模式启动：练习收款，不涉及真实资金。要收取真实的微信支付款项，请选择“真实商户”，并填写微信支付商户平台（pay.weixin.qq.com）上的信息。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="20" />
        <source>Payments</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="23" />
        <source>Sandbox: practice payments, no real money</source>
        <translation>沙箱：练习收款，不涉及真实资金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="26" />
        <source>Real merchant: real WeChat Pay payments</source>
        <translation>真实商户：收取真实的微信支付款项</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="22" />
        <source>Merchant</source>
        <extracomment>The rows of the merchant's fields, by field name.</extracomment>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="32" />
        <source>AppID</source>
        <translation>AppID</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="34" />
        <source>Merchant number (mch_id)</source>
        <translation>商户号（mch_id）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="38" />
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="41" />
        <source>Sign type</source>
        <translation>签名类型</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="44" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="21" />
        <source>API certificate (for refunds)</source>
        <extracomment>The rows of the certificate's files and password, by field name.</extracomment>
        <translation>API 证书（用于退款）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="25" />
        <source>Without the API certificate the till takes no payment codes and makes no refunds: only the shop's QR.</source>
        <translation>没有 API 证书，收银台不能收付款码，也不能退款：只能使用扫码收款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="36" />
        <source>None</source>
        <translation>不使用</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="38" />
        <source>PKCS#12 file (apiclient_cert.p12)</source>
        <translation>PKCS#12 文件（apiclient_cert.p12）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="42" />
        <source>PEM pair (apiclient_cert.pem + apiclient_key.pem)</source>
        <translation>PEM 文件对（apiclient_cert.pem + apiclient_key.pem）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="52" />
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="53" />
        <source>PEM (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="54" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="55" />
        <location filename="../../pos/ui/settings/certificate.py" line="57" />
        <location filename="../../pos/ui/settings/fields.py" line="59" />
        <source>PKCS#12 file</source>
        <translation>PKCS#12 文件</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="132" />
        <source>Certificate: opened. Refunds and payment codes can use it.</source>
        <translation>证书：已成功打开。退款和付款码收款可以使用。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="136" />
        <source>The certificate could not be opened: check the file and its password. Refunds and payment codes need it.</source>
        <translation>无法打开证书：请检查文件及其密码。退款和付款码收款都需要它。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="142" />
        <source>No API certificate: payment codes and refunds are off until one is added (a payment code the customer does not finish is reversed with it).</source>
        <translation>没有 API 证书：在添加证书之前，付款码收款和退款不可用（顾客未完成的付款码支付要用它撤销）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="29" />
        <source>AppID is required</source>
        <translation>请填写 AppID</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="30" />
        <source>AppID must be "wx" followed by 16 letters or digits</source>
        <translation>AppID 须为 “wx” 加 16 位字母或数字</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="31" />
        <source>merchant number (mch_id) is required</source>
        <translation>请填写商户号（mch_id）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="32" />
        <source>merchant number (mch_id) must be 6 to 32 digits</source>
        <translation>商户号（mch_id）须为 6 至 32 位数字</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="33" />
        <source>API key is required</source>
        <translation>请填写 API 密钥</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="34" />
        <source>API key must be exactly 32 letters or digits</source>
        <translation>API 密钥须为 32 位字母或数字</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="35" />
        <source>sign type must be MD5 or HMAC-SHA256</source>
        <translation>签名类型须为 MD5 或 HMAC-SHA256</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="36" />
        <source>choose the {what}</source>
        <translation>请选择{what}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="37" />
        <source>{what} not found: {path}</source>
        <translation>找不到{what}：{path}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="38" />
        <source>{what} is not a file: {path}</source>
        <translation>{what}不是文件：{path}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="39" />
        <source>the certificate could not be opened: check the file and its password</source>
        <translation>无法打开证书：请检查文件及其密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="42" />
        <source>{what} is required</source>
        <translation>请填写{what}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="43" />
        <source>{what} must be at most {most} characters</source>
        <translation>{what}最多 {most} 个字符</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="44" />
        <source>{what} must start with http:// or https://</source>
        <translation>{what}须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="45" />
        <source>{what} must not contain a query string (?...)</source>
        <translation>{what}不能包含查询字符串（?...）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="46" />
        <source>the relay needs this till's token</source>
        <translation>使用中继需要填写这台收银机的令牌</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="47" />
        <source>the token must not contain spaces</source>
        <translation>令牌不能包含空格</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="48" />
        <source>the checkout timeout must be from {low} to {high} seconds</source>
        <translation>收款超时须在 {low} 至 {high} 秒之间</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="51" />
        <source>the poll interval must be from {low} to {high} seconds</source>
        <translation>查询间隔须在 {low} 至 {high} 秒之间</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="52" />
        <source>the sound must be a .wav file</source>
        <translation>提示音须为 .wav 文件</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="53" />
        <source>a printer is tcp://HOST:9100, usb://VENDOR:PRODUCT (hex ids) or serial:///dev/ttyUSB0?baudrate=9600</source>
        <translation>打印机地址须为 tcp://HOST:9100、usb://VENDOR:PRODUCT（十六进制编号）或 serial:///dev/ttyUSB0?baudrate=9600</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="58" />
        <source>the printer's port must be 1 to 65535</source>
        <translation>打印机端口须为 1 至 65535</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="60" />
        <source>certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="61" />
        <source>key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="62" />
        <source>sound file</source>
        <translation>提示音文件</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="63" />
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="64" />
        <source>relay URL</source>
        <translation>中继地址</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="65" />
        <source>notify URL</source>
        <translation>通知地址</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="66" />
        <source>notify URL (or a relay URL)</source>
        <translation>通知地址（或中继地址）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="60" />
        <source>Certificate (PEM)</source>
        <translation>证书（PEM）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="62" />
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="67" />
        <source>Private key (PEM)</source>
        <translation>私钥（PEM）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="69" />
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="72" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/notifications.py" line="15" />
        <source>Notifications</source>
        <translation>支付通知</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/notifications.py" line="22" />
        <source>default: relay URL + /wechatpay/notify</source>
        <translation>默认：中继地址 + /wechatpay/notify</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/notifications.py" line="25" />
        <source>Relay URL</source>
        <translation>中继地址</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/notifications.py" line="28" />
        <source>Till token</source>
        <translation>收银机令牌</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/notifications.py" line="32" />
        <source>Notify URL</source>
        <translation>通知地址</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="38" />
        <source>Till</source>
        <extracomment>Each language of config.LANGUAGES in its own words. The poll interval is shown and saved to a tenth of a second.</extracomment>
        <translation>收银机</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="42" />
        <location filename="../../pos/ui/settings/till.py" line="47" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="52" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="53" />
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="58" />
        <source>default chime</source>
        <translation>默认提示音</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="59" />
        <source>Play</source>
        <translation>试听</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="63" />
        <location filename="../../pos/ui/settings/till.py" line="82" />
        <source>Payment sound</source>
        <translation>收款提示音</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="64" />
        <source>WAV sound ({patterns})</source>
        <translation>WAV 音频 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="67" />
        <source>Checkout timeout</source>
        <translation>收款超时</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="71" />
        <source>Poll interval</source>
        <translation>查询间隔</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="75" />
        <source>Lock when idle</source>
        <translation>空闲锁屏</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="79" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/form.py" line="105" />
        <source>Use the sandbox for now</source>
        <translation>暂时使用沙箱</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="30" />
        <source>Receipts and voice</source>
        <extracomment>"Print test page" finished: True when the printer took it.</extracomment>
        <translation>小票与语音</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="34" />
        <source>Say the amount when a payment arrives (微信收款 25.50 元)</source>
        <translation>收款时语音播报金额（微信收款 25.50 元）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="38" />
        <source>none, or tcp://192.168.1.50:9100, usb://0416:5011, serial:///dev/ttyUSB0</source>
        <translation>不使用，或 tcp://192.168.1.50:9100、usb://0416:5011、serial:///dev/ttyUSB0</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="43" />
        <source>Print test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="48" />
        <source>Print the slip when paid</source>
        <translation>收款成功后自动打印小票</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="51" />
        <source>One screen: a small customer window in a corner (amount, QR, paid)</source>
        <translation>单屏：在屏幕角落显示小顾客窗口（金额、二维码、结果）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="61" />
        <source>Spoken amount</source>
        <translation>语音播报</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="65" />
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="68" />
        <source>Paper</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="72" />
        <source>Customer view</source>
        <translation>顾客显示</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="105" />
        <source>Set a printer first.</source>
        <translation>请先填写打印机。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="108" />
        <source>Printing the test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="121" />
        <source>Test page sent to the printer.</source>
        <translation>测试页已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="125" />
        <source>Not printed: {reason}</source>
        <translation>未能打印：{reason}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/form.py" line="111" />
        <source>The API key, certificate password and till token are kept in the system keyring, not in the settings file.</source>
        <translation>API 密钥、证书密码和收银机令牌保存在系统密钥环中，不写入设置文件。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/form.py" line="117" />
        <source>No system keyring is available: the API key, certificate password and till token will be kept in the settings file, readable only by this user account.</source>
        <translation>没有可用的系统密钥环：API 密钥、证书密码和收银机令牌将保存在设置文件中，仅当前用户账户可读。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="159" />
        <source>stored {mask}: leave empty to keep it</source>
        <translation>已保存 {mask}：留空则保持不变</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="66" />
        <source>SANDBOX: practice payments, no real money</source>
        <translation>沙箱：练习收款，不涉及真实资金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="68" />
        <source>REAL MERCHANT: payments are real money</source>
        <translation>真实商户：收取的是真实资金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="143" />
        <source>Set by the environment variable {name}, which wins over this dialog.</source>
        <extracomment>The typed field checked only by Save, which opens the certificate with it: every other one is checked as soon as it is left. "Test connection" finished: the :class:`ConnectionResult`. The settings were written; the effective settings (file + environment) as loaded back. "Print test page" finished: True when the printer took it.</extracomment>
        <translation>由环境变量 {name} 设置，优先于此对话框。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="48" />
        <source>The merchant is set by environment variables ({names}), which win over this dialog.</source>
        <translation>商户由环境变量（{names}）设置，优先于此对话框。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="174" />
        <source>another merchant number: enter its API key</source>
        <translation>商户号已更改：请输入该商户的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="78" />
        <source>Switch this till to the sandbox? No real payments will be taken. When you save, the merchant's details and its stored key are removed from this till.</source>
        <translation>将这台收银机切换到沙箱？将不再收取真实款项。保存时，商户信息及其保存的密钥会从这台收银机中删除。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="83" />
        <source>Switch this till to a real merchant? Payments will be real money, paid by customers through WeChat Pay.</source>
        <translation>将这台收银机切换到真实商户？收取的将是顾客通过微信支付付出的真实资金。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="239" />
        <source>Change payment mode</source>
        <translation>更改收款方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="273" />
        <source>Fix the merchant details first.</source>
        <translation>请先修正商户信息。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="286" />
        <source>Asking WeChat Pay…</source>
        <translation>正在询问微信支付…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="118" />
        <source>Connected: the AppID, merchant number and API key are right.</source>
        <translation>连接成功：AppID、商户号和 API 密钥均正确。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="121" />
        <source>Wrong API key: WeChat Pay rejected the signature. Copy the key again from the merchant platform (Account → API security).</source>
        <translation>API 密钥错误：微信支付拒绝了签名。请从商户平台（账户中心 → API 安全）重新复制密钥。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="126" />
        <source>Wrong merchant: the merchant number does not exist or the AppID is not bound to it. Check both.</source>
        <translation>商户错误：商户号不存在，或 AppID 未与其绑定。请检查两者。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="131" />
        <source>Cannot reach WeChat Pay: check the network connection (or the proxy).</source>
        <translation>无法连接微信支付：请检查网络连接（或代理）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="135" />
        <source>Unexpected answer from WeChat Pay.</source>
        <translation>微信支付返回了意外的应答。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="387" />
        <source>Some fields need fixing (see the red notes).</source>
        <translation>有些字段需要修改（见红色提示）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="399" />
        <source>Could not save: {reason}</source>
        <translation>无法保存：{reason}</translation>
    </message>
</context>
<context>
    <name>ShopDayView</name>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="52" />
        <source>The whole shop — %1</source>
        <extracomment>The three breakdowns, in the order shown. The day was loaded and shown (a :class:`pos.reports.shop.ShopDay`).</extracomment>
        <translation>全店 — %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="70" />
        <source>Paid deals</source>
        <translation>已付笔数</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="71" />
        <location filename="../../pos/ui/manager/shop_day.py" line="93" />
        <source>Takings</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="72" />
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="73" />
        <location filename="../../pos/ui/manager/shop_day.py" line="93" />
        <source>Net</source>
        <translation>净收入</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="77" />
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="77" />
        <source>Clerk</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="77" />
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="79" />
        <source>Per till</source>
        <translation>按收银台</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="80" />
        <source>Per clerk</source>
        <translation>按收银员</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="81" />
        <source>Per method</source>
        <translation>按支付方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="93" />
        <source>Paid</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="106" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="108" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="126" />
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="139" />
        <source>This till's data only: the shop server cannot be reached, so these are not the whole shop's figures.</source>
        <translation>仅本机数据：无法连接店铺服务器，以下只是本收银台的交易，不是全店数据。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="151" />
        <source>%1 deals of %2</source>
        <translation>%2 共 %1 笔</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="158" />
        <source>Could not load the day: %1</source>
        <translation>无法加载当天数据：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="180" />
        <source>QR code</source>
        <translation>扫码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="181" />
        <source>Payment code</source>
        <translation>付款码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="182" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="186" />
        <source>(nobody logged in)</source>
        <translation>（未登录）</translation>
    </message>
</context>
<context>
    <name>TillDesk</name>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="126" />
        <source>Cash (Ctrl+Enter)</source>
        <extracomment>How often the idle lock is checked. The till's keys for the shop: a cash sale, the lock, the handover. Someone logged in, out, or the till has no accounts: the Account or None. The till locked itself (idle) or was locked (key): open views of the manager close. A cash sale was stored (a pos.checkout.cash.CashSale). A shift was handed over (its pos.shop.ShiftSummary). The day was closed (its pos.shop.DayClose). The core, used on the database worker only. Copies for the main thread, set from what the database worker returned. The other tills' handovers of a day, for the day's close (the shop server's; set by whoever wires the shop in). Called on the database worker.</extracomment>
        <translation>现金 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="127" />
        <source>Handover (Ctrl+H)</source>
        <translation>交班 (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="128" />
        <source>Day close</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="129" />
        <source>Lock (Ctrl+L)</source>
        <translation>锁屏 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="160" />
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="160" />
        <source>clerk</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="162" />
        <source>Clerk: %1 %2 (%3)</source>
        <translation>收银员：%1 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="339" />
        <source>Too many wrong PINs. Locked for %1 min %2 s.</source>
        <translation>PIN 错误次数过多，已锁定 %1 分 %2 秒。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="343" />
        <source>Wrong number or PIN. %1 tries left.</source>
        <translation>工号或 PIN 错误，还可再试 %1 次。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="346" />
        <source>Another clerk's shift is still open at this till: they hand it over first, or a manager logs in to close it.</source>
        <translation>本机还有其他收银员的班次未交班：请其先交班，或由店长登录结束该班次。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="350" />
        <source>Log in and open a shift first.</source>
        <translation>请先登录并开班。</translation>
    </message>
</context>
<context>
    <name>WeChatPayCodes</name>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="22" />
        <source>WeChat Pay is busy; try again.</source>
        <translation>微信支付系统繁忙，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="25" />
        <source>The bank had an error; the payment is checked.</source>
        <translation>银行系统异常，正在查询支付结果。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="29" />
        <source>The customer is entering the payment password.</source>
        <translation>顾客正在输入支付密码。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="33" />
        <source>WeChat Pay asks to send the refund again.</source>
        <translation>微信支付要求重新提交退款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="37" />
        <source>Too many requests; try again later.</source>
        <translation>请求过于频繁，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="41" />
        <source>Too many invalid requests; try again in a minute.</source>
        <translation>无效请求过多，请一分钟后再试。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="47" />
        <source>Not enough balance: the customer pays another way, or (for a refund) the shop's account needs funds.</source>
        <translation>余额不足：付款时请顾客更换付款方式；退款时请为商户账户充值。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="53" />
        <source>The order is already paid.</source>
        <translation>该订单已支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="54" />
        <source>The order is closed.</source>
        <translation>该订单已关闭。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="55" />
        <source>The order was reversed.</source>
        <translation>该订单已撤销。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="58" />
        <source>This order number was already used.</source>
        <translation>商户订单号重复。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="62" />
        <source>WeChat Pay refused the request (amounts or details differ).</source>
        <translation>微信支付拒绝了请求（金额或订单信息不一致）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="66" />
        <source>WeChat Pay has no such order.</source>
        <translation>微信支付查无此订单。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="69" />
        <source>WeChat Pay has no such refund.</source>
        <translation>微信支付查无此退款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="73" />
        <source>The order is more than a year old and cannot be refunded.</source>
        <translation>订单已超过一年，无法退款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="79" />
        <source>The customer's WeChat account is closed or abnormal: refund outside WeChat Pay.</source>
        <translation>顾客的微信账户已注销或异常，请在微信支付之外退款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="86" />
        <source>Too late to reverse; refund instead.</source>
        <translation>已超过撤销期限，请改为退款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="90" />
        <source>The payment code has expired; ask for a fresh one.</source>
        <translation>付款码已过期，请顾客刷新付款码。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="96" />
        <source>The payment code is wrong or used; ask for a fresh one.</source>
        <translation>付款码错误或已使用，请顾客刷新付款码。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="102" />
        <source>Not a WeChat payment code; scan again.</source>
        <translation>不是微信付款码，请重新扫码。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="106" />
        <source>This card is not accepted; the customer pays another way.</source>
        <translation>不支持该银行卡，请顾客更换付款方式。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="112" />
        <source>Another customer already tried to pay this order.</source>
        <translation>已有其他顾客尝试支付该订单。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="116" />
        <source>WeChat Pay refused the payment.</source>
        <translation>微信支付拒绝了这笔交易。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="119" />
        <source>The order's state does not allow this.</source>
        <translation>订单当前状态不允许此操作。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="123" />
        <source>The refund amount differs from the first request.</source>
        <translation>退款金额与首次请求不一致。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="127" />
        <source>WeChat Pay refused the request.</source>
        <translation>微信支付拒绝了请求。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="130" />
        <source>Wrong signature: check the API key in the settings.</source>
        <translation>签名错误：请在设置中检查 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="136" />
        <source>WeChat Pay could not read the request.</source>
        <translation>微信支付无法读取请求（XML 格式错误）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="138" />
        <source>A field of the request is wrong.</source>
        <translation>请求参数错误。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="139" />
        <source>A field of the request is missing.</source>
        <translation>缺少请求参数。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="140" />
        <source>The request is not in UTF-8.</source>
        <translation>请求编码不是 UTF-8。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="143" />
        <source>WeChat Pay needs a POST request.</source>
        <translation>请求须使用 POST 方法。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="145" />
        <source>The request was empty.</source>
        <translation>请求内容为空。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="148" />
        <source>The WeChat transaction number is wrong.</source>
        <translation>微信订单号无效。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="152" />
        <source>The AppID does not exist: check the settings.</source>
        <translation>AppID 不存在：请检查设置。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="156" />
        <source>The merchant number does not exist: check the settings.</source>
        <translation>商户号不存在：请检查设置。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="162" />
        <source>The AppID is not bound to the merchant number: check the settings.</source>
        <translation>AppID 与商户号不匹配：请检查设置。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="169" />
        <source>The merchant has no permission for this: check the merchant platform.</source>
        <translation>商户没有此项权限：请在商户平台检查。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="189" />
        <source>%1 (%2)</source>
        <extracomment>Codes whose meaning is in WeChat's own text (which amounts, which rule): shown after ours.</extracomment>
        <translation>%1（%2）</translation>
    </message>
</context>
</TS>