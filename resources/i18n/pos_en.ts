<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CashierWindow</name>
    <message>
        <location filename="../../pos/ui/cashier.py" line="156"/>
        <source>WeChat Pay cashier</source>
        <extracomment>The clerk asked to save a new product list (the app stores it on the DB worker). The clerk asked for the manager&apos;s view (F11) or the settings (F12); the app opens them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="167"/>
        <location filename="../../pos/ui/cashier.py" line="657"/>
        <source>Checking unfinished payments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="182"/>
        <source>SANDBOX MODE — payments are simulated, no real money moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="193"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="232"/>
        <source>Or type what is sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="236"/>
        <source>Edit products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="258"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="263"/>
        <source>Charge (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="275"/>
        <source>Today&apos;s payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="278"/>
        <source>Manager (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="279"/>
        <source>Settings (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="346"/>
        <source>Purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="351"/>
        <source>Product: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="392"/>
        <source>Type an amount first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="393"/>
        <location filename="../../pos/ui/cashier.py" line="401"/>
        <source>That is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="394"/>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="395"/>
        <source>The amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="396"/>
        <source>At most two decimals (fen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="397"/>
        <source>Over the limit of %1 per payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="439"/>
        <source>Ready: type an amount and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="498"/>
        <source>%n unfinished payment(s) checked. Ready.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="502"/>
        <source>The payment could not be saved, so nothing was charged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="512"/>
        <source>Creating the order for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="522"/>
        <source>Waiting for the customer to pay %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="533"/>
        <source>Creating the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="534"/>
        <source>Waiting for the customer to scan and pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="535"/>
        <source>No answer from WeChat Pay, still checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="536"/>
        <source>Checking the order with WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="538"/>
        <source>A reply failed its signature check; still checking with WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="540"/>
        <source>Time is up; closing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="541"/>
        <source>Cancelled; closing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="542"/>
        <source>Closing the order, trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="544"/>
        <source>A payment notice with a wrong amount was ignored. Tell the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="547"/>
        <source>The local database could not be written! Hand nothing over until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="573"/>
        <source>Paid: %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="583"/>
        <source>Payment of %1 cancelled. The order is being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="584"/>
        <source>Time is up for %1. The order is being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="585"/>
        <source>WeChat Pay refused the payment of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="586"/>
        <source>Payment of %1 closed, not paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="607"/>
        <source>LATE PAYMENT: %1 for &quot;%2&quot; was paid after the code was taken away. It is recorded as paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="614"/>
        <source>(%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="627"/>
        <source>%1 (late)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="639"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="640"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="641"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="642"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="643"/>
        <source>not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="644"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="645"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="646"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="655"/>
        <source>Settings saved. Restart the till to use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="662"/>
        <source>The till cannot open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="676"/>
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
        <location filename="../../pos/ui/manager.py" line="615"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="616"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="617"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="618"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="619"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="620"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="621"/>
        <source>WeChat transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="627"/>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="628"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="629"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="630"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="631"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="632"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="633"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="634"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="782"/>
        <source>Manager — transactions of the day</source>
        <extracomment>The day&apos;s report was loaded and shown. An export finished: (path, Totals) or failed: (path, message). A reconciliation report is shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="790"/>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="802"/>
        <source>Search amount or order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="806"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="814"/>
        <source>Paid deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="815"/>
        <source>Takings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="816"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="817"/>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="867"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="869"/>
        <source>Export Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="871"/>
        <source>Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="874"/>
        <source>Reconcile with WeChat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="898"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="916"/>
        <source>Takings by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="921"/>
        <source>Could not load the day: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="928"/>
        <source>%1 deals, %2 shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="956"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="965"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="974"/>
        <source>Exported %1 deals to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="981"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="999"/>
        <source>Refund of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1010"/>
        <source>Downloading WeChat&apos;s bill of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1029"/>
        <source>Reconciliation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="466"/>
        <source>Manager</source>
        <extracomment>scrypt&apos;s cost: ~50 ms here, enough to make guessing a stolen hash slow, short for a person. The Chinese of every text of this module (for the window&apos;s update_translations.py too). The right PIN was entered (or a new one saved) and the manager window is open.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="469"/>
        <source>Set a manager PIN (4 to 12 digits). It guards refunds and the day&apos;s figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="471"/>
        <source>Enter the manager PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="478"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="484"/>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="494"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="496"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="527"/>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="530"/>
        <source>The two PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="533"/>
        <source>Saving the PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="549"/>
        <source>The PIN could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="564"/>
        <source>Wrong PIN. %1 tries left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="577"/>
        <source>Too many wrong PINs. Locked for %1 min %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../pos/ui/cashier.py" line="60"/>
        <source>Products</source>
        <extracomment>F1–F8 pick the first eight products. After a payment the paid screen stays this long, unless the clerk presses Enter. What a clerk can type into the amount; everything else is ignored (paste may bring more). Colours of the recent deals by state: paid green, given up grey, failed red.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="63"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="64"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="65"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="66"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="96"/>
        <source>Add product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="96"/>
        <location filename="../../pos/ui/cashier.py" line="105"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="105"/>
        <source>Rename product</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="1268"/>
        <source>Reconciliation of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1272"/>
        <source>Everything matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1274"/>
        <source>%n difference(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1287"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1287"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1287"/>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1287"/>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1318"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1319"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1320"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1321"/>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1322"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1323"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1324"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1325"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1326"/>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1327"/>
        <source>reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1328"/>
        <source>processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1329"/>
        <source>unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1330"/>
        <source>refund closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1331"/>
        <source>refund abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1350"/>
        <source>%1: WeChat took %2 and refunded %3; the till recorded %4 and %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1358"/>
        <source>WeChat has no bill for this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1360"/>
        <source>%n refund(s) still unconfirmed here.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1305"/>
        <location filename="../../pos/ui/manager.py" line="1366"/>
        <source>Export differences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1308"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="1067"/>
        <source>Refund</source>
        <extracomment>The refund reached a final state, or stopped being followed: RefundProgress.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1078"/>
        <source>Amount to refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1082"/>
        <source>Reason (shown to the customer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1083"/>
        <source>Customer returned the goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1092"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1094"/>
        <source>Next…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1115"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1117"/>
        <source>Confirm refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1138"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1144"/>
        <source>%1 — %2, paid %3, %4 may still be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1157"/>
        <location filename="../../pos/ui/manager.py" line="1163"/>
        <source>At most %1 may be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1167"/>
        <source>Enter a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1172"/>
        <source>Refund %1 to the customer for %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1186"/>
        <source>Refunding %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1212"/>
        <source>Refunded %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1215"/>
        <source>WeChat Pay is still processing the refund of %1; it is followed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1218"/>
        <source>The refund needs the merchant platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1222"/>
        <location filename="../../pos/ui/manager.py" line="1252"/>
        <source>The refund failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1233"/>
        <source>Refund number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1239"/>
        <source>Deal %1, paid %2 at %3. Reason: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="339"/>
        <source>Choose…</source>
        <extracomment>Environment variables that configure the merchant: any of them locks the merchant part. Settings field shown in the dialog -&gt; the environment variable that overrides it. The Chinese of every text of the dialog (resources/i18n/update_translations.py puts it into the .qm; zh_CN is the default). Placeholders in braces are kept as they are. The window&apos;s workers (the test connection runs there); None = the dialog owns its own. The settings file to write; None = :func:`pos.config.config_path` (``POS_CONFIG``). Where secrets go; None = the OS keyring (:class:`pos.config.KeyringStore`). The environment whose variables win over the file; None = ``os.environ``. Plays a sound file for the &quot;play&quot; button; None = QtMultimedia&apos;s QSoundEffect. &quot;Test connection&quot; finished: the :class:`ConnectionResult`. The settings were written; the effective settings (file + environment) as loaded back.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="345"/>
        <source>Welcome: set up this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="345"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="352"/>
        <source>This till starts in the sandbox: practice payments, no real money. To take real WeChat Pay payments, choose “Real merchant” and enter the details from the WeChat Pay merchant platform (pay.weixin.qq.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="371"/>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="373"/>
        <source>Sandbox: practice payments, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="374"/>
        <source>Real merchant: real WeChat Pay payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="389"/>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="400"/>
        <source>AppID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="401"/>
        <source>Merchant number (mch_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="402"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="403"/>
        <source>Sign type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="404"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="414"/>
        <source>API certificate (for refunds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="417"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="419"/>
        <source>PKCS#12 file (apiclient_cert.p12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="422"/>
        <source>PEM pair (apiclient_cert.pem + apiclient_key.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="430"/>
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="431"/>
        <source>PEM (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="432"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="433"/>
        <location filename="../../pos/ui/settings_dialog.py" line="439"/>
        <source>PKCS#12 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="442"/>
        <source>Certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="448"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="451"/>
        <source>Private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="457"/>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="460"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="465"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="472"/>
        <source>default: relay URL + /wechatpay/notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="473"/>
        <source>Relay URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="474"/>
        <source>Till token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="475"/>
        <source>Notify URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="479"/>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="483"/>
        <location filename="../../pos/ui/settings_dialog.py" line="488"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="493"/>
        <source>default chime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="494"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="497"/>
        <location filename="../../pos/ui/settings_dialog.py" line="505"/>
        <source>Payment sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="497"/>
        <source>WAV sound (*.wav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="500"/>
        <source>Checkout timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="502"/>
        <source>Poll interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="503"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="526"/>
        <source>Use the sandbox for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="586"/>
        <source>The API key, certificate password and till token are kept in the system keyring, not in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="593"/>
        <source>No system keyring is available: the API key, certificate password and till token will be kept in the settings file, readable only by this user account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="603"/>
        <source>stored {mask}: leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="629"/>
        <source>SANDBOX: practice payments, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="635"/>
        <source>REAL MERCHANT: payments are real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="659"/>
        <source>Set by the environment variable {name}, which wins over this dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="669"/>
        <source>The merchant is set by environment variables ({names}), which win over this dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="738"/>
        <source>another merchant number: enter its API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="809"/>
        <source>Switch this till to the sandbox? No real payments will be taken. When you save, the merchant&apos;s details and its stored key are removed from this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="814"/>
        <source>Switch this till to a real merchant? Payments will be real money, paid by customers through WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="817"/>
        <source>Change payment mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="855"/>
        <source>Fix the merchant details first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="873"/>
        <source>Asking WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="888"/>
        <source>Connected: the AppID, merchant number and API key are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="890"/>
        <source>Wrong API key: WeChat Pay rejected the signature. Copy the key again from the merchant platform (Account → API security).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="894"/>
        <source>Wrong merchant: the merchant number does not exist or the AppID is not bound to it. Check both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="898"/>
        <source>Cannot reach WeChat Pay: check the network connection (or the proxy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="900"/>
        <source>Unexpected answer from WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1013"/>
        <source>Some fields need fixing (see the red notes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1025"/>
        <source>Could not save: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
