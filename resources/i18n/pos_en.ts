<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CashierWindow</name>
    <message>
        <location filename="../../pos/ui/app.py" line="419"/>
        <location filename="../../pos/ui/cashier.py" line="175"/>
        <source>WeChat Pay cashier</source>
        <extracomment>The services are open and the session attached (recovery runs next). The services could not be opened (bad settings, unreadable database): message.
----------
The clerk asked to save a new product list (the app stores it on the DB worker). The clerk asked for the manager&apos;s view (F11) or the settings (F12); the app opens them. The clerk asked to edit the products; the app asks for the manager PIN, then calls :meth:`edit_products`.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="186"/>
        <location filename="../../pos/ui/cashier.py" line="704"/>
        <source>Checking unfinished payments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="201"/>
        <source>SANDBOX MODE — payments are simulated, no real money moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="212"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="255"/>
        <source>Or type what is sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="259"/>
        <source>Edit products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="281"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="286"/>
        <source>Charge (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="298"/>
        <source>Today&apos;s payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="301"/>
        <source>Manager (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="302"/>
        <source>Settings (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="372"/>
        <source>Purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="378"/>
        <source>Product: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="384"/>
        <source>Product: none chosen (%1, or type a name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="389"/>
        <source>Product: none chosen (type a name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="434"/>
        <source>Type an amount first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="435"/>
        <location filename="../../pos/ui/cashier.py" line="443"/>
        <source>That is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="436"/>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="437"/>
        <source>The amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="438"/>
        <source>At most two decimals (fen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="439"/>
        <source>Over the limit of %1 per payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="481"/>
        <source>Ready: type an amount and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="545"/>
        <source>%n unfinished payment(s) checked. Ready.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="549"/>
        <source>The payment could not be saved, so nothing was charged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="559"/>
        <source>Creating the order for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="569"/>
        <source>Waiting for the customer to pay %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="580"/>
        <source>Creating the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="581"/>
        <source>Waiting for the customer to scan and pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="582"/>
        <source>No answer from WeChat Pay, still checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="583"/>
        <source>Checking the order with WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="585"/>
        <source>A reply failed its signature check; still checking with WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="587"/>
        <source>Time is up; closing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="588"/>
        <source>Cancelled; closing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="589"/>
        <source>Closing the order, trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="591"/>
        <source>A payment notice with a wrong amount was ignored. Tell the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="594"/>
        <source>The local database could not be written! Hand nothing over until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="620"/>
        <source>Paid: %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="630"/>
        <source>Payment of %1 cancelled. The order is being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="631"/>
        <source>Time is up for %1. The order is being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="632"/>
        <source>WeChat Pay refused the payment of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="633"/>
        <source>Payment of %1 closed, not paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="654"/>
        <source>LATE PAYMENT: %1 for &quot;%2&quot; was paid after the code was taken away. It is recorded as paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="661"/>
        <source>(%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="674"/>
        <source>%1 (late)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="686"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="687"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="688"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="689"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="690"/>
        <source>not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="691"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="692"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="693"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="702"/>
        <source>Settings saved. Restart the till to use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="709"/>
        <source>The till cannot open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="723"/>
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
        <location filename="../../pos/ui/customer_screen.py" line="190"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="165"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="169"/>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="223"/>
        <source>Preparing the payment code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="242"/>
        <source>Code valid for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DealTableModel</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="545"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="546"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="547"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="548"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="549"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="550"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="551"/>
        <source>WeChat transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="557"/>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="558"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="559"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="560"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="561"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="562"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="563"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="564"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="712"/>
        <source>Manager — transactions of the day</source>
        <extracomment>The day&apos;s report was loaded and shown. An export finished: (path, Totals) or failed: (path, message). A reconciliation report is shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="720"/>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="732"/>
        <source>Search amount or order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="736"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="744"/>
        <source>Paid deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="745"/>
        <source>Takings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="746"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="747"/>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="798"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="800"/>
        <source>Export Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="802"/>
        <source>Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="805"/>
        <source>Reconcile with WeChat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="829"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="847"/>
        <source>Takings by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="852"/>
        <source>Could not load the day: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="859"/>
        <source>%1 deals, %2 shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="887"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="896"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="905"/>
        <source>Exported %1 deals to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="912"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="930"/>
        <source>Refund of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="941"/>
        <source>Downloading WeChat&apos;s bill of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="960"/>
        <source>Reconciliation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="385"/>
        <source>Manager</source>
        <extracomment>The app&apos;s one gate for the PIN: shared by every PIN dialog, so closing and reopening the dialog does not reset the count of wrong PINs or end a lock-out. The Chinese of every text of this module (for the window&apos;s update_translations.py too). The right PIN was entered (or a new one saved) and the manager window is open. The right PIN was entered when the dialog only guards something else (the settings).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="388"/>
        <source>Set a manager PIN (4 to 12 digits). It guards refunds and the day&apos;s figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="390"/>
        <source>Enter the manager PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="397"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="403"/>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="413"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="415"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="446"/>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="449"/>
        <source>The two PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="451"/>
        <source>Saving the PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="475"/>
        <source>The PIN could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="490"/>
        <source>Wrong PIN. %1 tries left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="503"/>
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
        <location filename="../../pos/ui/cashier.py" line="67"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="99"/>
        <source>Add product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="99"/>
        <location filename="../../pos/ui/cashier.py" line="108"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="108"/>
        <source>Rename product</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../pos/ui/app.py" line="70"/>
        <source>&amp;Look in:</source>
        <extracomment>Products offered on a fresh till, so the quick keys are not empty the first time. Network timeout of one WeChat Pay call (the client retries what is safe to retry).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/app.py" line="71"/>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="1209"/>
        <source>Reconciliation of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1213"/>
        <source>Everything matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1215"/>
        <source>%n difference(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1229"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1229"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1229"/>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1229"/>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1260"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1261"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1262"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1263"/>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1264"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1265"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1266"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1267"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1268"/>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1269"/>
        <source>reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1270"/>
        <source>processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1271"/>
        <source>unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1272"/>
        <source>refund closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1273"/>
        <source>refund abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1292"/>
        <source>%1: WeChat took %2 and refunded %3; the till recorded %4 and %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1300"/>
        <source>WeChat has no bill for this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1302"/>
        <source>%n refund(s) still unconfirmed here.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1247"/>
        <location filename="../../pos/ui/manager.py" line="1308"/>
        <source>Export differences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1250"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="998"/>
        <source>Refund</source>
        <extracomment>The refund reached a final state, or stopped being followed: RefundProgress.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1009"/>
        <source>Amount to refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1013"/>
        <source>Reason (shown to the customer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1014"/>
        <source>Customer returned the goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1023"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1025"/>
        <source>Next…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1046"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1048"/>
        <source>Confirm refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1079"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1085"/>
        <source>%1 — %2, paid %3, %4 may still be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1098"/>
        <location filename="../../pos/ui/manager.py" line="1104"/>
        <source>At most %1 may be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1108"/>
        <source>Enter a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1113"/>
        <source>Refund %1 to the customer for %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1127"/>
        <source>Refunding %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1153"/>
        <source>Refunded %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1156"/>
        <source>WeChat Pay is still processing the refund of %1; it is followed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1159"/>
        <source>The refund needs the merchant platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1163"/>
        <location filename="../../pos/ui/manager.py" line="1193"/>
        <source>The refund failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1174"/>
        <source>Refund number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1180"/>
        <source>Deal %1, paid %2 at %3. Reason: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="343"/>
        <source>Choose…</source>
        <extracomment>Environment variables that configure the merchant: any of them locks the merchant part. Settings field shown in the dialog -&gt; the environment variable that overrides it. The Chinese of every text of the dialog (resources/i18n/update_translations.py puts it into the .qm; zh_CN is the default). Placeholders in braces are kept as they are. The window&apos;s workers (the test connection runs there); None = the dialog owns its own. The settings file to write; None = :func:`pos.config.config_path` (``POS_CONFIG``). Where secrets go; None = the OS keyring (:class:`pos.config.KeyringStore`). The environment whose variables win over the file; None = ``os.environ``. Plays a sound file for the &quot;play&quot; button; None = QtMultimedia&apos;s QSoundEffect. &quot;Test connection&quot; finished: the :class:`ConnectionResult`. The settings were written; the effective settings (file + environment) as loaded back.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="349"/>
        <source>Welcome: set up this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="349"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="360"/>
        <source>This till starts in the sandbox: practice payments, no real money. To take real WeChat Pay payments, choose “Real merchant” and enter the details from the WeChat Pay merchant platform (pay.weixin.qq.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="379"/>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="381"/>
        <source>Sandbox: practice payments, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="382"/>
        <source>Real merchant: real WeChat Pay payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="397"/>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="408"/>
        <source>AppID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="409"/>
        <source>Merchant number (mch_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="410"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="411"/>
        <source>Sign type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="412"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="423"/>
        <source>API certificate (for refunds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="426"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="428"/>
        <source>PKCS#12 file (apiclient_cert.p12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="431"/>
        <source>PEM pair (apiclient_cert.pem + apiclient_key.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="439"/>
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="440"/>
        <source>PEM (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="441"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="442"/>
        <location filename="../../pos/ui/settings_dialog.py" line="448"/>
        <source>PKCS#12 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="451"/>
        <source>Certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="457"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="460"/>
        <source>Private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="466"/>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="469"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="474"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="481"/>
        <source>default: relay URL + /wechatpay/notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="482"/>
        <source>Relay URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="483"/>
        <source>Till token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="484"/>
        <source>Notify URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="488"/>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="492"/>
        <location filename="../../pos/ui/settings_dialog.py" line="497"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="502"/>
        <source>default chime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="503"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="506"/>
        <location filename="../../pos/ui/settings_dialog.py" line="514"/>
        <source>Payment sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="506"/>
        <source>WAV sound (*.wav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="509"/>
        <source>Checkout timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="511"/>
        <source>Poll interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="512"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="536"/>
        <source>Use the sandbox for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="596"/>
        <source>The API key, certificate password and till token are kept in the system keyring, not in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="603"/>
        <source>No system keyring is available: the API key, certificate password and till token will be kept in the settings file, readable only by this user account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="613"/>
        <source>stored {mask}: leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="639"/>
        <source>SANDBOX: practice payments, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="645"/>
        <source>REAL MERCHANT: payments are real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="669"/>
        <source>Set by the environment variable {name}, which wins over this dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="679"/>
        <source>The merchant is set by environment variables ({names}), which win over this dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="748"/>
        <source>another merchant number: enter its API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="819"/>
        <source>Switch this till to the sandbox? No real payments will be taken. When you save, the merchant&apos;s details and its stored key are removed from this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="824"/>
        <source>Switch this till to a real merchant? Payments will be real money, paid by customers through WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="827"/>
        <source>Change payment mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="865"/>
        <source>Fix the merchant details first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="883"/>
        <source>Asking WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="898"/>
        <source>Connected: the AppID, merchant number and API key are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="900"/>
        <source>Wrong API key: WeChat Pay rejected the signature. Copy the key again from the merchant platform (Account → API security).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="904"/>
        <source>Wrong merchant: the merchant number does not exist or the AppID is not bound to it. Check both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="908"/>
        <source>Cannot reach WeChat Pay: check the network connection (or the proxy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="910"/>
        <source>Unexpected answer from WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1023"/>
        <source>Some fields need fixing (see the red notes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1035"/>
        <source>Could not save: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
