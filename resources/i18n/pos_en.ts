<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CashierWindow</name>
    <message>
        <location filename="../../pos/ui/app.py" line="419"/>
        <location filename="../../pos/ui/cashier.py" line="176"/>
        <source>WeChat Pay cashier</source>
        <extracomment>The services are open and the session attached (recovery runs next). The services could not be opened (bad settings, unreadable database): message.
----------
The clerk asked to save a new product list (the app stores it on the DB worker). The clerk asked for the manager&apos;s view (F11) or the settings (F12); the app opens them. The clerk asked to edit the products; the app asks for the manager PIN, then calls :meth:`edit_products`.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="187"/>
        <location filename="../../pos/ui/cashier.py" line="705"/>
        <source>Checking unfinished payments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="202"/>
        <source>SANDBOX MODE — payments are simulated, no real money moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="213"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="256"/>
        <source>Or type what is sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="260"/>
        <source>Edit products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="282"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="287"/>
        <source>Charge (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="299"/>
        <source>Today&apos;s payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="302"/>
        <source>Manager (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="303"/>
        <source>Settings (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="373"/>
        <source>Purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="379"/>
        <source>Product: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="385"/>
        <source>Product: none chosen (%1, or type a name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="390"/>
        <source>Product: none chosen (type a name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="435"/>
        <source>Type an amount first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="436"/>
        <location filename="../../pos/ui/cashier.py" line="444"/>
        <source>That is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="437"/>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="438"/>
        <source>The amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="439"/>
        <source>At most two decimals (fen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="440"/>
        <source>Over the limit of %1 per payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="482"/>
        <source>Ready: type an amount and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="546"/>
        <source>%n unfinished payment(s) checked. Ready.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="550"/>
        <source>The payment could not be saved, so nothing was charged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="560"/>
        <source>Creating the order for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="570"/>
        <source>Waiting for the customer to pay %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="581"/>
        <source>Creating the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="582"/>
        <source>Waiting for the customer to scan and pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="583"/>
        <source>No answer from WeChat Pay, still checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="584"/>
        <source>Checking the order with WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="586"/>
        <source>A reply failed its signature check; still checking with WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="588"/>
        <source>Time is up; closing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="589"/>
        <source>Cancelled; closing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="590"/>
        <source>Closing the order, trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="592"/>
        <source>A payment notice with a wrong amount was ignored. Tell the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="595"/>
        <source>The local database could not be written! Hand nothing over until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="621"/>
        <source>Paid: %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="631"/>
        <source>Payment of %1 cancelled. The order is being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="632"/>
        <source>Time is up for %1. The order is being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="633"/>
        <source>WeChat Pay refused the payment of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="634"/>
        <source>Payment of %1 closed, not paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="655"/>
        <source>LATE PAYMENT: %1 for &quot;%2&quot; was paid after the code was taken away. It is recorded as paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="662"/>
        <source>(%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="675"/>
        <source>%1 (late)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="687"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="688"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="689"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="690"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="691"/>
        <source>not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="692"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="693"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="694"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="703"/>
        <source>Settings saved. Restart the till to use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="710"/>
        <source>The till cannot open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="724"/>
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
        <location filename="../../pos/ui/manager.py" line="546"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="547"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="548"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="549"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="550"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="551"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="552"/>
        <source>WeChat transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="558"/>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="559"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="560"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="561"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="562"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="563"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="564"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="565"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="713"/>
        <source>Manager — transactions of the day</source>
        <extracomment>The day&apos;s report was loaded and shown. An export finished: (path, Totals) or failed: (path, message). A reconciliation report is shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="721"/>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="733"/>
        <source>Search amount or order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="737"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="745"/>
        <source>Paid deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="746"/>
        <source>Takings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="747"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="748"/>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="799"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="801"/>
        <source>Export Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="803"/>
        <source>Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="806"/>
        <source>Reconcile with WeChat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="830"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="848"/>
        <source>Takings by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="853"/>
        <source>Could not load the day: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="860"/>
        <source>%1 deals, %2 shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="888"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="897"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="906"/>
        <source>Exported %1 deals to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="913"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="931"/>
        <source>Refund of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="942"/>
        <source>Downloading WeChat&apos;s bill of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="961"/>
        <source>Reconciliation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="386"/>
        <source>Manager</source>
        <extracomment>The app&apos;s one gate for the PIN: shared by every PIN dialog, so closing and reopening the dialog does not reset the count of wrong PINs or end a lock-out. The Chinese of every text of this module (for the window&apos;s update_translations.py too). The right PIN was entered (or a new one saved) and the manager window is open. The right PIN was entered when the dialog only guards something else (the settings).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="389"/>
        <source>Set a manager PIN (4 to 12 digits). It guards refunds and the day&apos;s figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="391"/>
        <source>Enter the manager PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="398"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="404"/>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="414"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="416"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="447"/>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="450"/>
        <source>The two PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="452"/>
        <source>Saving the PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="476"/>
        <source>The PIN could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="491"/>
        <source>Wrong PIN. %1 tries left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="504"/>
        <source>Too many wrong PINs. Locked for %1 min %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../pos/ui/cashier.py" line="61"/>
        <source>Products</source>
        <extracomment>F1–F8 pick the first eight products. After a payment the paid screen stays this long, unless the clerk presses Enter. What a clerk can type into the amount; everything else is ignored (paste may bring more). Colours of the recent deals by state: paid green, given up grey, failed red.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="64"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="65"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="66"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="67"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="68"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="100"/>
        <source>Add product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="100"/>
        <location filename="../../pos/ui/cashier.py" line="109"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="109"/>
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
        <location filename="../../pos/ui/manager.py" line="1212"/>
        <source>Reconciliation of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1216"/>
        <source>Everything matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1218"/>
        <source>%n difference(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1232"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1232"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1232"/>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1232"/>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1263"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1264"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1265"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1266"/>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1267"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1268"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1269"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1270"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1271"/>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1272"/>
        <source>reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1273"/>
        <source>processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1274"/>
        <source>unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1275"/>
        <source>refund closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1276"/>
        <source>refund abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1295"/>
        <source>%1: WeChat took %2 and refunded %3; the till recorded %4 and %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1303"/>
        <source>WeChat has no bill for this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager.py" line="1305"/>
        <source>%n refund(s) still unconfirmed here.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1250"/>
        <location filename="../../pos/ui/manager.py" line="1311"/>
        <source>Export differences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1253"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos/ui/manager.py" line="1000"/>
        <source>Refund</source>
        <extracomment>The refund reached a final state, or stopped being followed: RefundProgress.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1011"/>
        <source>Amount to refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1015"/>
        <source>Reason (shown to the customer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1016"/>
        <source>Customer returned the goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1025"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1027"/>
        <source>Next…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1048"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1050"/>
        <source>Confirm refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1081"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1087"/>
        <source>%1 — %2, paid %3, %4 may still be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1100"/>
        <location filename="../../pos/ui/manager.py" line="1106"/>
        <source>At most %1 may be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1110"/>
        <source>Enter a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1115"/>
        <source>Refund %1 to the customer for %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1129"/>
        <source>Refunding %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1155"/>
        <source>Refunded %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1158"/>
        <source>WeChat Pay is still processing the refund of %1; it is followed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1161"/>
        <source>The refund needs the merchant platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1166"/>
        <location filename="../../pos/ui/manager.py" line="1196"/>
        <source>The refund failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1177"/>
        <source>Refund number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager.py" line="1183"/>
        <source>Deal %1, paid %2 at %3. Reason: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="428"/>
        <source>Choose…</source>
        <extracomment>The window&apos;s workers (the test connection runs there); None = the dialog owns its own. The settings file to write; None = :func:`pos.config.config_path` (``POS_CONFIG``). Where secrets go; None = the OS keyring (:class:`pos.config.KeyringStore`). The environment whose variables win over the file; None = ``os.environ``. Plays a sound file for the &quot;play&quot; button; None = QtMultimedia&apos;s QSoundEffect. &quot;Test connection&quot; finished: the :class:`ConnectionResult`. The settings were written; the effective settings (file + environment) as loaded back.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="434"/>
        <source>Welcome: set up this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="434"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="445"/>
        <source>This till starts in the sandbox: practice payments, no real money. To take real WeChat Pay payments, choose “Real merchant” and enter the details from the WeChat Pay merchant platform (pay.weixin.qq.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="464"/>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="466"/>
        <source>Sandbox: practice payments, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="467"/>
        <source>Real merchant: real WeChat Pay payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="482"/>
        <source>Merchant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="493"/>
        <source>AppID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="494"/>
        <source>Merchant number (mch_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="495"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="496"/>
        <source>Sign type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="497"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="508"/>
        <source>API certificate (for refunds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="511"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="513"/>
        <source>PKCS#12 file (apiclient_cert.p12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="516"/>
        <source>PEM pair (apiclient_cert.pem + apiclient_key.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="524"/>
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="525"/>
        <source>PEM (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="526"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="259"/>
        <location filename="../../pos/ui/settings_dialog.py" line="527"/>
        <location filename="../../pos/ui/settings_dialog.py" line="533"/>
        <source>PKCS#12 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="235"/>
        <source>AppID is required</source>
        <extracomment>Environment variables that configure the merchant: any of them locks the merchant part. Settings field shown in the dialog -&gt; the environment variable that overrides it. The Chinese of every text of the dialog (resources/i18n/update_translations.py puts it into the .qm; zh_CN is the default). Placeholders in braces are kept as they are.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="236"/>
        <source>AppID must be &quot;wx&quot; followed by 16 letters or digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="237"/>
        <source>merchant number (mch_id) is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="238"/>
        <source>merchant number (mch_id) must be 6 to 32 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="239"/>
        <source>API key is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="240"/>
        <source>API key must be exactly 32 letters or digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="241"/>
        <source>sign type must be MD5 or HMAC-SHA256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="242"/>
        <source>choose the {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="243"/>
        <source>{what} not found: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="244"/>
        <source>{what} is not a file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="245"/>
        <source>the certificate could not be opened: check the file and its password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="248"/>
        <source>{what} is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="249"/>
        <source>{what} must be at most {most} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="250"/>
        <source>{what} must start with http:// or https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="251"/>
        <source>{what} must not contain a query string (?...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="252"/>
        <source>the relay needs this till&apos;s token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="253"/>
        <source>the token must not contain spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="254"/>
        <source>the checkout timeout must be from {low} to {high} seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="257"/>
        <source>the poll interval must be from {low} to {high} seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="258"/>
        <source>the sound must be a .wav file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="260"/>
        <source>certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="261"/>
        <source>key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="262"/>
        <source>sound file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="263"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="264"/>
        <source>relay URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="265"/>
        <source>notify URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="266"/>
        <source>notify URL (or a relay URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="536"/>
        <source>Certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="542"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="545"/>
        <source>Private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="551"/>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="554"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="559"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="566"/>
        <source>default: relay URL + /wechatpay/notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="567"/>
        <source>Relay URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="568"/>
        <source>Till token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="569"/>
        <source>Notify URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="573"/>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="577"/>
        <location filename="../../pos/ui/settings_dialog.py" line="582"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="587"/>
        <source>default chime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="588"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="591"/>
        <location filename="../../pos/ui/settings_dialog.py" line="599"/>
        <source>Payment sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="591"/>
        <source>WAV sound (*.wav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="594"/>
        <source>Checkout timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="596"/>
        <source>Poll interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="597"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="621"/>
        <source>Use the sandbox for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="681"/>
        <source>The API key, certificate password and till token are kept in the system keyring, not in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="688"/>
        <source>No system keyring is available: the API key, certificate password and till token will be kept in the settings file, readable only by this user account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="698"/>
        <source>stored {mask}: leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="724"/>
        <source>SANDBOX: practice payments, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="730"/>
        <source>REAL MERCHANT: payments are real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="754"/>
        <source>Set by the environment variable {name}, which wins over this dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="764"/>
        <source>The merchant is set by environment variables ({names}), which win over this dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="833"/>
        <source>another merchant number: enter its API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="904"/>
        <source>Switch this till to the sandbox? No real payments will be taken. When you save, the merchant&apos;s details and its stored key are removed from this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="909"/>
        <source>Switch this till to a real merchant? Payments will be real money, paid by customers through WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="912"/>
        <source>Change payment mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="950"/>
        <source>Fix the merchant details first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="968"/>
        <source>Asking WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="983"/>
        <source>Connected: the AppID, merchant number and API key are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="985"/>
        <source>Wrong API key: WeChat Pay rejected the signature. Copy the key again from the merchant platform (Account → API security).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="989"/>
        <source>Wrong merchant: the merchant number does not exist or the AppID is not bound to it. Check both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="993"/>
        <source>Cannot reach WeChat Pay: check the network connection (or the proxy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="995"/>
        <source>Unexpected answer from WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1108"/>
        <source>Some fields need fixing (see the red notes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings_dialog.py" line="1120"/>
        <source>Could not save: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeChatPayCodes</name>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="22"/>
        <source>WeChat Pay is busy; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="25"/>
        <source>The bank had an error; the payment is checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="29"/>
        <source>The customer is entering the payment password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="33"/>
        <source>WeChat Pay asks to send the refund again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="37"/>
        <source>Too many requests; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="41"/>
        <source>Too many invalid requests; try again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="47"/>
        <source>Not enough balance: the customer pays another way, or (for a refund) the shop&apos;s account needs funds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="53"/>
        <source>The order is already paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="54"/>
        <source>The order is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="55"/>
        <source>The order was reversed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="58"/>
        <source>This order number was already used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="62"/>
        <source>WeChat Pay refused the request (amounts or details differ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="66"/>
        <source>WeChat Pay has no such order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="69"/>
        <source>WeChat Pay has no such refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="73"/>
        <source>The order is more than a year old and cannot be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="79"/>
        <source>The customer&apos;s WeChat account is closed or abnormal: refund outside WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="86"/>
        <source>Too late to reverse; refund instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="90"/>
        <source>The payment code has expired; ask for a fresh one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="96"/>
        <source>The payment code is wrong or used; ask for a fresh one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="102"/>
        <source>Not a WeChat payment code; scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="106"/>
        <source>This card is not accepted; the customer pays another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="112"/>
        <source>Another customer already tried to pay this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="116"/>
        <source>WeChat Pay refused the payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="119"/>
        <source>The order&apos;s state does not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="123"/>
        <source>The refund amount differs from the first request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="127"/>
        <source>WeChat Pay refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="130"/>
        <source>Wrong signature: check the API key in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="136"/>
        <source>WeChat Pay could not read the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="138"/>
        <source>A field of the request is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="139"/>
        <source>A field of the request is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="140"/>
        <source>The request is not in UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="143"/>
        <source>WeChat Pay needs a POST request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="145"/>
        <source>The request was empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="148"/>
        <source>The WeChat transaction number is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="152"/>
        <source>The AppID does not exist: check the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="156"/>
        <source>The merchant number does not exist: check the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="162"/>
        <source>The AppID is not bound to the merchant number: check the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="169"/>
        <source>The merchant has no permission for this: check the merchant platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/wechat_words.py" line="247"/>
        <source>%1 (%2)</source>
        <extracomment>Codes whose meaning is in WeChat&apos;s own text (which amounts, which rule): shown after ours. The Chinese of every text of this module (update_translations.py puts it into the .qm).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
