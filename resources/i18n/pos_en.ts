<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CashierWindow</name>
    <message>
        <location filename="../../pos/ui/cashier.py" line="210"/>
        <source>WeChat Pay cashier</source>
        <extracomment>The clerk asked to save a new product list (the app stores it on the DB worker). The clerk asked for the manager&apos;s view (F11) or the settings (F12); the app opens them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="221"/>
        <location filename="../../pos/ui/cashier.py" line="769"/>
        <source>Checking unfinished payments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="236"/>
        <source>SANDBOX MODE — payments are simulated, no real money moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="247"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="286"/>
        <source>Or type what is sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="290"/>
        <source>Edit products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="312"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="317"/>
        <source>Charge (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="329"/>
        <source>Today&apos;s payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="332"/>
        <source>Manager (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="333"/>
        <source>Settings (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="349"/>
        <source>No payments yet today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="412"/>
        <source>Purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="417"/>
        <source>Product: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="458"/>
        <source>Type an amount first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="459"/>
        <location filename="../../pos/ui/cashier.py" line="467"/>
        <source>That is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="460"/>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="461"/>
        <source>The amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="462"/>
        <source>At most two decimals (fen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="463"/>
        <source>Over the limit of %1 per payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="505"/>
        <source>Ready: type an amount and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="564"/>
        <source>%n unfinished payment(s) checked. Ready.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="568"/>
        <source>The payment could not be saved, so nothing was charged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="578"/>
        <source>Creating the order for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="588"/>
        <source>Waiting for the customer to pay %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="599"/>
        <source>Creating the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="600"/>
        <source>Waiting for the customer to scan and pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="601"/>
        <source>No answer from WeChat Pay, still checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="602"/>
        <source>Checking the order with WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="604"/>
        <source>A reply failed its signature check; still checking with WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="606"/>
        <source>Time is up; closing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="607"/>
        <source>Cancelled; closing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="608"/>
        <source>Closing the order, trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="610"/>
        <source>A payment notice with a wrong amount was ignored. Tell the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="613"/>
        <source>The local database could not be written! Hand nothing over until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="639"/>
        <source>Paid: %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="649"/>
        <source>Payment of %1 cancelled. The order is being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="650"/>
        <source>Time is up for %1. The order is being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="651"/>
        <source>WeChat Pay refused the payment of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="652"/>
        <location filename="../../pos/ui/cashier.py" line="667"/>
        <source>Payment of %1 closed, not paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="668"/>
        <source>Payment of %1: no order was made, nothing was paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="669"/>
        <source>Payment of %1 was paid after all (late payment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="671"/>
        <source>Payment of %1: WeChat Pay reports another amount paid. Tell the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="683"/>
        <source>ALARM: WeChat Pay reported another amount paid for the payment of %1 (order %2). It is not counted as paid. Tell the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="707"/>
        <source>LATE PAYMENT: %1 for &quot;%2&quot; was paid after the code was taken away. It is recorded as paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="714"/>
        <source>(%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="730"/>
        <source>result pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="734"/>
        <source>%1 (late)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="751"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="752"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="753"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="754"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="755"/>
        <source>not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="756"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="757"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="758"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="767"/>
        <source>Settings saved. Restart the till to use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="774"/>
        <source>The till cannot open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="788"/>
        <source>A payment is in progress. Quit anyway? It will be checked at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="102"/>
        <source>WeChat Pay</source>
        <extracomment>A page was painted: &quot;qrPage&quot;, &quot;paidPage&quot; or &quot;messagePage&quot; (for measurements).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="119"/>
        <source>Scan with WeChat to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="131"/>
        <location filename="../../pos/ui/customer_screen.py" line="187"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="163"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="167"/>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="220"/>
        <source>Preparing the payment code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="239"/>
        <source>Code valid for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DealTableModel</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="547"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="548"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="549"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="550"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="551"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="552"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="553"/>
        <source>WeChat transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="559"/>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="560"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="561"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="562"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="563"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="564"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="565"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="566"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="714"/>
        <source>Manager — transactions of the day</source>
        <extracomment>The day&apos;s report was loaded and shown. An export finished: (path, Totals) or failed: (path, message). A reconciliation report is shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="722"/>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="734"/>
        <source>Search amount or order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="738"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="746"/>
        <source>Paid deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="747"/>
        <source>Takings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="748"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="749"/>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="810"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="812"/>
        <source>Export Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="814"/>
        <source>Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="817"/>
        <source>Reconcile with WeChat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="841"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="861"/>
        <source>ALARM %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="879"/>
        <source>Takings by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="884"/>
        <source>Could not load the day: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="891"/>
        <source>%1 deals, %2 shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="919"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="928"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="937"/>
        <source>Exported %1 deals to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="944"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="962"/>
        <source>Refund of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="973"/>
        <source>Downloading WeChat&apos;s bill of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="992"/>
        <source>Reconciliation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="387"/>
        <source>Manager</source>
        <extracomment>The app&apos;s one gate for the PIN: shared by every PIN dialog, so closing and reopening the dialog does not reset the count of wrong PINs or end a lock-out. The Chinese of every text of this module (for the window&apos;s update_translations.py too). The right PIN was entered (or a new one saved) and the manager window is open. The right PIN was entered when the dialog only guards something else (the settings).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="390"/>
        <source>Set a manager PIN (4 to 12 digits). It guards refunds and the day&apos;s figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="392"/>
        <source>Enter the manager PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="399"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="405"/>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="415"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="417"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="448"/>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="451"/>
        <source>The two PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="453"/>
        <source>Saving the PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="477"/>
        <source>The PIN could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="492"/>
        <source>Wrong PIN. %1 tries left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="505"/>
        <source>Too many wrong PINs. Locked for %1 min %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../pos/ui/cashier.py" line="96"/>
        <source>Products</source>
        <extracomment>F1–F8 pick the first eight products. After a payment the paid screen stays this long, unless the clerk presses Enter. What a clerk can type into the amount; everything else is ignored (paste may bring more). Colours of the recent deals by state: paid green, given up grey, failed red. The list of deals is set in a fixed-pitch font, so that its columns line up; the CJK one first, whose Chinese characters are exactly two Latin ones wide.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="99"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="100"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="101"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="102"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="152"/>
        <source>Add product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="135"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="160"/>
        <source>Rename product</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="1231"/>
        <source>Reconciliation of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1235"/>
        <source>Everything matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1237"/>
        <source>%n difference(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1250"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1250"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1250"/>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1250"/>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1281"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1282"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1283"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1284"/>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1285"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1286"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1287"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1288"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1289"/>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1290"/>
        <source>reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1291"/>
        <source>processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1292"/>
        <source>unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1293"/>
        <source>refund closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1294"/>
        <source>refund abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1313"/>
        <source>%1: WeChat took %2 and refunded %3; the till recorded %4 and %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1321"/>
        <source>WeChat has no bill for this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1323"/>
        <source>%n refund(s) still unconfirmed here.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1268"/>
        <location filename="../../pos/ui/manager.py" line="1329"/>
        <source>Export differences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1271"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="1030"/>
        <source>Refund</source>
        <extracomment>The refund reached a final state, or stopped being followed: RefundProgress.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1041"/>
        <source>Amount to refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1045"/>
        <source>Reason (shown to the customer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1046"/>
        <source>Customer returned the goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1055"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1057"/>
        <source>Next…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1078"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1080"/>
        <source>Confirm refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1101"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1107"/>
        <source>%1 — %2, paid %3, %4 may still be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1120"/>
        <location filename="../../pos/ui/manager.py" line="1126"/>
        <source>At most %1 may be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1130"/>
        <source>Enter a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1135"/>
        <source>Refund %1 to the customer for %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1149"/>
        <source>Refunding %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1175"/>
        <source>Refunded %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1178"/>
        <source>WeChat Pay is still processing the refund of %1; it is followed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1181"/>
        <source>The refund needs the merchant platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1185"/>
        <location filename="../../pos/ui/manager.py" line="1215"/>
        <source>The refund failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1196"/>
        <source>Refund number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1202"/>
        <source>Deal %1, paid %2 at %3. Reason: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="340"/>
        <source>Choose…</source>
        <extracomment>Environment variables that configure the merchant: any of them locks the merchant part. Settings field shown in the dialog -&gt; the environment variable that overrides it. The Chinese of every text of the dialog (resources/i18n/update_translations.py puts it into the .qm; zh_CN is the default). Placeholders in braces are kept as they are. The window&apos;s workers (the test connection runs there); None = the dialog owns its own. The settings file to write; None = :func:`pos.config.config_path` (``POS_CONFIG``). Where secrets go; None = the OS keyring (:class:`pos.config.KeyringStore`). The environment whose variables win over the file; None = ``os.environ``. Plays a sound file for the &quot;play&quot; button; None = QtMultimedia&apos;s QSoundEffect. &quot;Test connection&quot; finished: the :class:`ConnectionResult`. The settings were written; the effective settings (file + environment) as loaded back.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="346"/>
        <source>Welcome: set up this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="346"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="357"/>
        <source>This till starts in the sandbox: practice payments, no real money. To take real WeChat Pay payments, choose “Real merchant” and enter the details from the WeChat Pay merchant platform (pay.weixin.qq.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="376"/>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="378"/>
        <source>Sandbox: practice payments, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="379"/>
        <source>Real merchant: real WeChat Pay payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="394"/>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="405"/>
        <source>AppID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="406"/>
        <source>Merchant number (mch_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="407"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="408"/>
        <source>Sign type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="409"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="419"/>
        <source>API certificate (for refunds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="422"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="424"/>
        <source>PKCS#12 file (apiclient_cert.p12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="427"/>
        <source>PEM pair (apiclient_cert.pem + apiclient_key.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="435"/>
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="436"/>
        <source>PEM (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="437"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="438"/>
        <location filename="../../pos/ui/settings_dialog.py" line="444"/>
        <source>PKCS#12 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="447"/>
        <source>Certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="453"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="456"/>
        <source>Private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="462"/>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="465"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="470"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="477"/>
        <source>default: relay URL + /wechatpay/notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="478"/>
        <source>Relay URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="479"/>
        <source>Till token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="480"/>
        <source>Notify URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="484"/>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="488"/>
        <location filename="../../pos/ui/settings_dialog.py" line="493"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="498"/>
        <source>default chime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="499"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="502"/>
        <location filename="../../pos/ui/settings_dialog.py" line="510"/>
        <source>Payment sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="502"/>
        <source>WAV sound (*.wav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="505"/>
        <source>Checkout timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="507"/>
        <source>Poll interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="508"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="531"/>
        <source>Use the sandbox for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="591"/>
        <source>The API key, certificate password and till token are kept in the system keyring, not in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="598"/>
        <source>No system keyring is available: the API key, certificate password and till token will be kept in the settings file, readable only by this user account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="608"/>
        <source>stored {mask}: leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="634"/>
        <source>SANDBOX: practice payments, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="640"/>
        <source>REAL MERCHANT: payments are real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="664"/>
        <source>Set by the environment variable {name}, which wins over this dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="674"/>
        <source>The merchant is set by environment variables ({names}), which win over this dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="743"/>
        <source>another merchant number: enter its API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="814"/>
        <source>Switch this till to the sandbox? No real payments will be taken. When you save, the merchant&apos;s details and its stored key are removed from this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="819"/>
        <source>Switch this till to a real merchant? Payments will be real money, paid by customers through WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="822"/>
        <source>Change payment mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="860"/>
        <source>Fix the merchant details first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="878"/>
        <source>Asking WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="893"/>
        <source>Connected: the AppID, merchant number and API key are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="895"/>
        <source>Wrong API key: WeChat Pay rejected the signature. Copy the key again from the merchant platform (Account → API security).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="899"/>
        <source>Wrong merchant: the merchant number does not exist or the AppID is not bound to it. Check both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="903"/>
        <source>Cannot reach WeChat Pay: check the network connection (or the proxy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="905"/>
        <source>Unexpected answer from WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1018"/>
        <source>Some fields need fixing (see the red notes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1030"/>
        <source>Could not save: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
