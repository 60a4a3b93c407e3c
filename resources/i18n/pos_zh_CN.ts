<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CashierWindow</name>
    <message>
        <location filename="../../pos/ui/app.py" line="419" />
        <location filename="../../pos/ui/cashier.py" line="175" />
        <source>WeChat Pay cashier</source>
        <extracomment>The services are open and the session attached (recovery runs next). The services could not be opened (bad settings, unreadable database): message.
----------
The clerk asked to save a new product list (the app stores it on the DB worker). The clerk asked for the manager's view (F11) or the settings (F12); the app opens them. The clerk asked to edit the products; the app asks for the manager PIN, then calls :meth:`edit_products`.</extracomment>
        <translation>微信支付收银台</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="186" />
        <location filename="../../pos/ui/cashier.py" line="704" />
        <source>Checking unfinished payments…</source>
        <translation>正在核对未完成的收款…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="201" />
        <source>SANDBOX MODE — payments are simulated, no real money moves</source>
        <translation>沙箱模式 — 模拟支付，不会产生真实交易</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="212" />
        <source>Acknowledge</source>
        <translation>知道了</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="255" />
        <source>Or type what is sold</source>
        <translation>或输入商品名称</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="259" />
        <source>Edit products…</source>
        <translation>编辑商品…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="281" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="286" />
        <source>Charge (Enter)</source>
        <translation>收款 (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="298" />
        <source>Today's payments</source>
        <translation>今日收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="301" />
        <source>Manager (F11)</source>
        <translation>店长 (F11)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="302" />
        <source>Settings (F12)</source>
        <translation>设置 (F12)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="372" />
        <source>Purchase</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="378" />
        <source>Product: %1</source>
        <translation>商品：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="384" />
        <source>Product: none chosen (%1, or type a name)</source>
        <translation>商品：未选择（按 %1 选择，或输入名称）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="389" />
        <source>Product: none chosen (type a name)</source>
        <translation>商品：未选择（请输入名称）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="434" />
        <source>Type an amount first.</source>
        <translation>请先输入金额。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="435" />
        <location filename="../../pos/ui/cashier.py" line="443" />
        <source>That is not an amount.</source>
        <translation>金额格式不正确。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="436" />
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="437" />
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="438" />
        <source>At most two decimals (fen).</source>
        <translation>最多两位小数（精确到分）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="439" />
        <source>Over the limit of %1 per payment.</source>
        <translation>超过单笔限额 %1。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="481" />
        <source>Ready: type an amount and press Enter.</source>
        <translation>就绪：输入金额后按 Enter 收款。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="545" />
        <source>%n unfinished payment(s) checked. Ready.</source>
        <translation><numerusform>已核对 %n 笔未完成的收款。就绪。</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="549" />
        <source>The payment could not be saved, so nothing was charged: %1</source>
        <translation>无法保存该笔收款，未发起扣款：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="559" />
        <source>Creating the order for %1…</source>
        <translation>正在为 %1 创建订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="569" />
        <source>Waiting for the customer to pay %1…</source>
        <translation>等待顾客支付 %1…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="580" />
        <source>Creating the order…</source>
        <translation>正在创建订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="581" />
        <source>Waiting for the customer to scan and pay…</source>
        <translation>等待顾客扫码支付…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="582" />
        <source>No answer from WeChat Pay, still checking…</source>
        <translation>微信支付暂无响应，仍在查询…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="583" />
        <source>Checking the order with WeChat Pay…</source>
        <translation>正在向微信支付查询订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="585" />
        <source>A reply failed its signature check; still checking with WeChat Pay…</source>
        <translation>收到签名校验失败的应答，仍在向微信支付查询…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="587" />
        <source>Time is up; closing the order…</source>
        <translation>已超时，正在关闭订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="588" />
        <source>Cancelled; closing the order…</source>
        <translation>已取消，正在关闭订单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="589" />
        <source>Closing the order, trying again…</source>
        <translation>正在关闭订单，重试中…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="591" />
        <source>A payment notice with a wrong amount was ignored. Tell the manager.</source>
        <translation>已忽略一条金额不符的支付通知，请告知店长。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="594" />
        <source>The local database could not be written! Hand nothing over until it is fixed.</source>
        <translation>本地数据库写入失败！修复前请勿交付商品。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="620" />
        <source>Paid: %1 ✓</source>
        <translation>收款成功：%1 ✓</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="630" />
        <source>Payment of %1 cancelled. The order is being closed.</source>
        <translation>%1 的收款已取消，正在关闭订单。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="631" />
        <source>Time is up for %1. The order is being closed.</source>
        <translation>%1 的收款已超时，正在关闭订单。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="632" />
        <source>WeChat Pay refused the payment of %1.</source>
        <translation>微信支付拒绝了 %1 的收款。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="633" />
        <source>Payment of %1 closed, not paid.</source>
        <translation>%1 的订单已关闭，未支付。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="654" />
        <source>LATE PAYMENT: %1 for "%2" was paid after the code was taken away. It is recorded as paid.</source>
        <translation>迟到的付款：“%2” %1 在二维码撤下后完成支付，已记为已收款。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="661" />
        <source>(%n more)</source>
        <translation><numerusform>（另有 %n 笔）</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="674" />
        <source>%1 (late)</source>
        <translation>%1（迟到）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="686" />
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="687" />
        <source>waiting</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="688" />
        <source>closing</source>
        <translation>关闭中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="689" />
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="690" />
        <source>not paid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="691" />
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="692" />
        <source>part refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="693" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="702" />
        <source>Settings saved. Restart the till to use them.</source>
        <translation>设置已保存，重启收银台后生效。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="709" />
        <source>The till cannot open: %1</source>
        <translation>收银台无法启动：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="723" />
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
        <location filename="../../pos/ui/customer_screen.py" line="190" />
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="165" />
        <source>Paid</source>
        <translation>支付成功</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="169" />
        <source>Thank you!</source>
        <translation>谢谢惠顾！</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="223" />
        <source>Preparing the payment code…</source>
        <translation>正在生成收款码…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="242" />
        <source>Code valid for %1</source>
        <translation>二维码有效时间 %1</translation>
    </message>
</context>
<context>
    <name>DealTableModel</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="545" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="546" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="547" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="548" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="549" />
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="550" />
        <source>Order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="551" />
        <source>WeChat transaction</source>
        <translation>微信订单号</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="557" />
        <source>creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="558" />
        <source>waiting</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="559" />
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="560" />
        <source>closing</source>
        <translation>关闭中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="561" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="562" />
        <source>failed</source>
        <translation>下单失败</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="563" />
        <source>part refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="564" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="712" />
        <source>Manager — transactions of the day</source>
        <extracomment>The day's report was loaded and shown. An export finished: (path, Totals) or failed: (path, message). A reconciliation report is shown.</extracomment>
        <translation>店长 — 当日交易</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="720" />
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="732" />
        <source>Search amount or order number</source>
        <translation>按金额或订单号搜索</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="736" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="744" />
        <source>Paid deals</source>
        <translation>已支付笔数</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="745" />
        <source>Takings</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="746" />
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="747" />
        <source>Net</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="798" />
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="800" />
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="802" />
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="805" />
        <source>Reconcile with WeChat…</source>
        <translation>与微信对账…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="829" />
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="847" />
        <source>Takings by hour</source>
        <translation>每小时收款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="852" />
        <source>Could not load the day: %1</source>
        <translation>无法加载当日数据：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="859" />
        <source>%1 deals, %2 shown.</source>
        <translation>共 %1 笔交易，显示 %2 笔。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="887" />
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="896" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="905" />
        <source>Exported %1 deals to %2.</source>
        <translation>已导出 %1 笔交易到 %2。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="912" />
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="930" />
        <source>Refund of %1: %2</source>
        <translation>%1 的退款：%2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="941" />
        <source>Downloading WeChat's bill of %1…</source>
        <translation>正在下载 %1 的微信账单…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="960" />
        <source>Reconciliation failed: %1</source>
        <translation>对账失败：%1</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="385" />
        <source>Manager</source>
        <extracomment>The app's one gate for the PIN: shared by every PIN dialog, so closing and reopening the dialog does not reset the count of wrong PINs or end a lock-out. The Chinese of every text of this module (for the window's update_translations.py too). The right PIN was entered (or a new one saved) and the manager window is open. The right PIN was entered when the dialog only guards something else (the settings).</extracomment>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="388" />
        <source>Set a manager PIN (4 to 12 digits). It guards refunds and the day's figures.</source>
        <translation>请设置店长密码（4 至 12 位数字），用于保护退款和当日账目。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="390" />
        <source>Enter the manager PIN.</source>
        <translation>请输入店长密码。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="397" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="403" />
        <source>PIN again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="413" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="415" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="446" />
        <source>The PIN must be 4 to 12 digits.</source>
        <translation>密码须为 4 至 12 位数字。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="449" />
        <source>The two PINs differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="451" />
        <source>Saving the PIN…</source>
        <translation>正在保存密码…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="475" />
        <source>The PIN could not be saved: %1</source>
        <translation>密码保存失败：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="490" />
        <source>Wrong PIN. %1 tries left.</source>
        <translation>密码错误，还可尝试 %1 次。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="503" />
        <source>Too many wrong PINs. Locked for %1 min %2 s.</source>
        <translation>密码错误次数过多，已锁定 %1 分 %2 秒。</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../pos/ui/cashier.py" line="60" />
        <source>Products</source>
        <extracomment>F1–F8 pick the first eight products. After a payment the paid screen stays this long, unless the clerk presses Enter. What a clerk can type into the amount; everything else is ignored (paste may bring more). Colours of the recent deals by state: paid green, given up grey, failed red.</extracomment>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="63" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="64" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="65" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="66" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="67" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="99" />
        <source>Add product</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="99" />
        <location filename="../../pos/ui/cashier.py" line="108" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="108" />
        <source>Rename product</source>
        <translation>重命名商品</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../pos/ui/app.py" line="70" />
        <source>&amp;Look in:</source>
        <extracomment>Products offered on a fresh till, so the quick keys are not empty the first time. Network timeout of one WeChat Pay call (the client retries what is safe to retry).</extracomment>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../pos/ui/app.py" line="71" />
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="1209" />
        <source>Reconciliation of %1</source>
        <translation>%1 对账</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1213" />
        <source>Everything matches.</source>
        <translation>全部一致。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1215" />
        <source>%n difference(s) found.</source>
        <translation><numerusform>发现 %n 处差异。</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1229" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1229" />
        <source>Order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1229" />
        <source>Here</source>
        <translation>本店</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1229" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1260" />
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1261" />
        <source>part refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1262" />
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1263" />
        <source>creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1264" />
        <source>waiting</source>
        <translation>待支付</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1265" />
        <source>closing</source>
        <translation>关闭中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1266" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1267" />
        <source>failed</source>
        <translation>下单失败</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1268" />
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1269" />
        <source>reversed</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1270" />
        <source>processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1271" />
        <source>unconfirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1272" />
        <source>refund closed</source>
        <translation>退款关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1273" />
        <source>refund abnormal</source>
        <translation>退款异常</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1292" />
        <source>%1: WeChat took %2 and refunded %3; the till recorded %4 and %5.</source>
        <translation>%1：微信收款 %2，退款 %3；本店记录收款 %4，退款 %5。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1300" />
        <source>WeChat has no bill for this day.</source>
        <translation>微信没有这一天的账单。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1302" />
        <source>%n refund(s) still unconfirmed here.</source>
        <translation><numerusform>本店有 %n 笔退款尚未确认。</numerusform></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1247" />
        <location filename="../../pos/ui/manager.py" line="1308" />
        <source>Export differences…</source>
        <translation>导出差异…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1250" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="998" />
        <source>Refund</source>
        <extracomment>The refund reached a final state, or stopped being followed: RefundProgress.</extracomment>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1009" />
        <source>Amount to refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1013" />
        <source>Reason (shown to the customer)</source>
        <translation>退款原因（顾客可见）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1014" />
        <source>Customer returned the goods</source>
        <translation>顾客退货</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1023" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1025" />
        <source>Next…</source>
        <translation>下一步…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1046" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1048" />
        <source>Confirm refund</source>
        <translation>确认退款</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1079" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1085" />
        <source>%1 — %2, paid %3, %4 may still be refunded.</source>
        <translation>%1 — %2，已付 %3，可退 %4。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1098" />
        <location filename="../../pos/ui/manager.py" line="1104" />
        <source>At most %1 may be refunded.</source>
        <translation>最多可退 %1。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1108" />
        <source>Enter a reason.</source>
        <translation>请填写退款原因。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1113" />
        <source>Refund %1 to the customer for %2?</source>
        <translation>确认向顾客退还 %1（%2）？</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1127" />
        <source>Refunding %1…</source>
        <translation>正在退款 %1…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1153" />
        <source>Refunded %1 ✓</source>
        <translation>已退款 %1 ✓</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1156" />
        <source>WeChat Pay is still processing the refund of %1; it is followed up.</source>
        <translation>微信支付仍在处理 %1 的退款，系统会继续跟进。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1159" />
        <source>The refund needs the merchant platform: %1</source>
        <translation>退款异常，需在商户平台处理：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1163" />
        <location filename="../../pos/ui/manager.py" line="1193" />
        <source>The refund failed: %1</source>
        <translation>退款失败：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1174" />
        <source>Refund number: %1</source>
        <translation>退款单号：%1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1180" />
        <source>Deal %1, paid %2 at %3. Reason: %4</source>
        <translation>订单 %1，%3 支付 %2。原因：%4</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="343" />
        <source>Choose…</source>
        <extracomment>Environment variables that configure the merchant: any of them locks the merchant part. Settings field shown in the dialog -&gt; the environment variable that overrides it. The Chinese of every text of the dialog (resources/i18n/update_translations.py puts it into the .qm; zh_CN is the default). Placeholders in braces are kept as they are. The window's workers (the test connection runs there); None = the dialog owns its own. The settings file to write; None = :func:`pos.config.config_path` (``POS_CONFIG``). Where secrets go; None = the OS keyring (:class:`pos.config.KeyringStore`). The environment whose variables win over the file; None = ``os.environ``. Plays a sound file for the "play" button; None = QtMultimedia's QSoundEffect. "Test connection" finished: the :class:`ConnectionResult`. The settings were written; the effective settings (file + environment) as loaded back.</extracomment>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="349" />
        <source>Welcome: set up this till</source>
        <translation>欢迎：设置这台收银机</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="349" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="360" />
        <source>This till starts in the sandbox: practice payments, no real money. To take real WeChat Pay payments, choose “Real merchant” and enter the details from the WeChat Pay merchant platform (pay.weixin.qq.com).</source>
        <translation>这台收银机以沙箱模式启动：练习收款，不涉及真实资金。要收取真实的微信支付款项，请选择“真实商户”，并填写微信支付商户平台（pay.weixin.qq.com）上的信息。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="379" />
        <source>Payments</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="381" />
        <source>Sandbox: practice payments, no real money</source>
        <translation>沙箱：练习收款，不涉及真实资金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="382" />
        <source>Real merchant: real WeChat Pay payments</source>
        <translation>真实商户：收取真实的微信支付款项</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="397" />
        <source>Merchant</source>
        <translation>商户</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="408" />
        <source>AppID</source>
        <translation>AppID</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="409" />
        <source>Merchant number (mch_id)</source>
        <translation>商户号（mch_id）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="410" />
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="411" />
        <source>Sign type</source>
        <translation>签名类型</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="412" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="423" />
        <source>API certificate (for refunds)</source>
        <translation>API 证书（用于退款）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="426" />
        <source>None</source>
        <translation>不使用</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="428" />
        <source>PKCS#12 file (apiclient_cert.p12)</source>
        <translation>PKCS#12 文件（apiclient_cert.p12）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="431" />
        <source>PEM pair (apiclient_cert.pem + apiclient_key.pem)</source>
        <translation>PEM 文件对（apiclient_cert.pem + apiclient_key.pem）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="439" />
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="440" />
        <source>PEM (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="441" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="442" />
        <location filename="../../pos/ui/settings_dialog.py" line="448" />
        <source>PKCS#12 file</source>
        <translation>PKCS#12 文件</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="451" />
        <source>Certificate (PEM)</source>
        <translation>证书（PEM）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="457" />
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="460" />
        <source>Private key (PEM)</source>
        <translation>私钥（PEM）</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="466" />
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="469" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="474" />
        <source>Notifications</source>
        <translation>支付通知</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="481" />
        <source>default: relay URL + /wechatpay/notify</source>
        <translation>默认：中继地址 + /wechatpay/notify</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="482" />
        <source>Relay URL</source>
        <translation>中继地址</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="483" />
        <source>Till token</source>
        <translation>收银机令牌</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="484" />
        <source>Notify URL</source>
        <translation>通知地址</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="488" />
        <source>Till</source>
        <translation>收银机</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="492" />
        <location filename="../../pos/ui/settings_dialog.py" line="497" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="502" />
        <source>default chime</source>
        <translation>默认提示音</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="503" />
        <source>Play</source>
        <translation>试听</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="506" />
        <location filename="../../pos/ui/settings_dialog.py" line="514" />
        <source>Payment sound</source>
        <translation>收款提示音</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="506" />
        <source>WAV sound (*.wav)</source>
        <translation>WAV 音频 (*.wav)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="509" />
        <source>Checkout timeout</source>
        <translation>收款超时</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="511" />
        <source>Poll interval</source>
        <translation>查询间隔</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="512" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="536" />
        <source>Use the sandbox for now</source>
        <translation>暂时使用沙箱</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="596" />
        <source>The API key, certificate password and till token are kept in the system keyring, not in the settings file.</source>
        <translation>API 密钥、证书密码和收银机令牌保存在系统密钥环中，不写入设置文件。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="603" />
        <source>No system keyring is available: the API key, certificate password and till token will be kept in the settings file, readable only by this user account.</source>
        <translation>没有可用的系统密钥环：API 密钥、证书密码和收银机令牌将保存在设置文件中，仅当前用户账户可读。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="613" />
        <source>stored {mask}: leave empty to keep it</source>
        <translation>已保存 {mask}：留空则保持不变</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="639" />
        <source>SANDBOX: practice payments, no real money</source>
        <translation>沙箱：练习收款，不涉及真实资金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="645" />
        <source>REAL MERCHANT: payments are real money</source>
        <translation>真实商户：收取的是真实资金</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="669" />
        <source>Set by the environment variable {name}, which wins over this dialog.</source>
        <translation>由环境变量 {name} 设置，优先于此对话框。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="679" />
        <source>The merchant is set by environment variables ({names}), which win over this dialog.</source>
        <translation>商户由环境变量（{names}）设置，优先于此对话框。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="748" />
        <source>another merchant number: enter its API key</source>
        <translation>商户号已更改：请输入该商户的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="819" />
        <source>Switch this till to the sandbox? No real payments will be taken. When you save, the merchant's details and its stored key are removed from this till.</source>
        <translation>将这台收银机切换到沙箱？将不再收取真实款项。保存时，商户信息及其保存的密钥会从这台收银机中删除。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="824" />
        <source>Switch this till to a real merchant? Payments will be real money, paid by customers through WeChat Pay.</source>
        <translation>将这台收银机切换到真实商户？收取的将是顾客通过微信支付付出的真实资金。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="827" />
        <source>Change payment mode</source>
        <translation>更改收款方式</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="865" />
        <source>Fix the merchant details first.</source>
        <translation>请先修正商户信息。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="883" />
        <source>Asking WeChat Pay…</source>
        <translation>正在询问微信支付…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="898" />
        <source>Connected: the AppID, merchant number and API key are right.</source>
        <translation>连接成功：AppID、商户号和 API 密钥均正确。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="900" />
        <source>Wrong API key: WeChat Pay rejected the signature. Copy the key again from the merchant platform (Account → API security).</source>
        <translation>API 密钥错误：微信支付拒绝了签名。请从商户平台（账户中心 → API 安全）重新复制密钥。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="904" />
        <source>Wrong merchant: the merchant number does not exist or the AppID is not bound to it. Check both.</source>
        <translation>商户错误：商户号不存在，或 AppID 未与其绑定。请检查两者。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="908" />
        <source>Cannot reach WeChat Pay: check the network connection (or the proxy).</source>
        <translation>无法连接微信支付：请检查网络连接（或代理）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="910" />
        <source>Unexpected answer from WeChat Pay.</source>
        <translation>微信支付返回了意外的应答。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1023" />
        <source>Some fields need fixing (see the red notes).</source>
        <translation>有些字段需要修改（见红色提示）。</translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1035" />
        <source>Could not save: {reason}</source>
        <translation>无法保存：{reason}</translation>
    </message>
</context>
</TS>