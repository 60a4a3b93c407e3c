<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="47"/>
        <source>Clerks and managers</source>
        <extracomment>The list was read again after a change (the accounts, active and not).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="56"/>
        <location filename="../../pos/ui/manager/accounts.py" line="141"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="64"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="66"/>
        <location filename="../../pos/ui/manager/accounts.py" line="121"/>
        <source>clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="67"/>
        <location filename="../../pos/ui/manager/accounts.py" line="121"/>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="68"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="73"/>
        <source>4 to 6 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="74"/>
        <source>PIN (new, or a manager&apos;s return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="82"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="85"/>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="124"/>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="139"/>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="150"/>
        <source>Type the name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="156"/>
        <source>%1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="171"/>
        <source>%1 is active again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/accounts.py" line="171"/>
        <source>%1 is deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../../pos/ui/manager/alarms.py" line="26"/>
        <source>ALARM %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../pos/ui/approval.py" line="26"/>
        <source>A refund</source>
        <extracomment>What each action is called in the refusal, by pos.shop.Action value.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="27"/>
        <source>The settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="28"/>
        <source>Editing the products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="29"/>
        <source>An export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="30"/>
        <source>Reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="31"/>
        <source>The manager&apos;s view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="32"/>
        <source>Clerks&apos; accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="33"/>
        <source>Closing another clerk&apos;s shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="34"/>
        <source>The day&apos;s close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="42"/>
        <source>%1 needs a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="55"/>
        <source>Manager&apos;s approval</source>
        <extracomment>A manager typed a PIN (checked by the caller, on the database worker).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="61"/>
        <source>A manager may approve it once with their own PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="67"/>
        <source>Manager&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="77"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="79"/>
        <source>Approve (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/approval.py" line="96"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashSaleDialog</name>
    <message>
        <location filename="../../pos/ui/cash.py" line="47"/>
        <source>Cash sale</source>
        <extracomment>The clerk confirmed: (amount_fen, received_fen).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="56"/>
        <source>Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="61"/>
        <source>Cash received (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="63"/>
        <source>Change due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="77"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="79"/>
        <source>Take the cash (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="140"/>
        <source>Storing the sale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="145"/>
        <source>Less cash received than the amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="155"/>
        <source>Cash sale %1 stored. Give %2 back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cash.py" line="159"/>
        <source>Done (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashierWindow</name>
    <message>
        <location filename="../../pos/ui/app.py" line="549"/>
        <location filename="../../pos/ui/cashier.py" line="93"/>
        <source>WeChat Pay cashier</source>
        <extracomment>The services are open and the session attached (recovery runs next). The services could not be opened (bad settings, unreadable database): message. The one way the till&apos;s widgets run work off the main thread (pos.ui.ops). The till&apos;s outbox to the shop server (pos.ui.shop_sync); None without a server.
----------
After a payment the paid screen stays this long, unless the clerk presses Enter. What a clerk can type into the amount; everything else is ignored (paste may bring more). Between the till&apos;s parts (the columns, and the rows of the left one), in pixels. The clerk asked to save a new product list (the app stores it on the DB worker). The clerk asked for the manager&apos;s view (F11) or the settings (F12); the app opens them. Sandbox mode: the newcomer asked for the 模拟顾客 window (F9); the app opens it. The clerk asked to print the last paid deal&apos;s slip again (F10); the counter prints it. The clerk asked to edit the products; the app asks for the manager PIN, then calls :meth:`edit_products`.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="107"/>
        <location filename="../../pos/ui/cashier.py" line="578"/>
        <source>Checking unfinished payments…</source>
        <extracomment>the customer&apos;s payment code: the gun in the keys, a code typed by hand</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="136"/>
        <source>SANDBOX MODE — payments are simulated, no real money moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="170"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="175"/>
        <source>Charge (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="188"/>
        <source>Today&apos;s payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="191"/>
        <source>Customer (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="197"/>
        <source>Manager (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="198"/>
        <source>Settings (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="216"/>
        <source>Reprint (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="341"/>
        <source>Ready: type an amount, then Enter for the QR, or scan the payment code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="95"/>
        <source>Type an amount first.</source>
        <extracomment>The clerk&apos;s words for each rule of :func:`pos.money.parse_amount`, by the error&apos;s code (%1 in over_limit: the limit).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="96"/>
        <source>That is not an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="97"/>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="98"/>
        <source>The amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="99"/>
        <source>At most two decimals (fen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="100"/>
        <source>Over the limit of %1 per payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="426"/>
        <source>Checking unfinished payments… Press Esc to open the till now; the check goes on in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="437"/>
        <source>%n unfinished payment(s) still being checked with WeChat Pay in the background (listed as result pending). Ready.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/cashier.py" line="444"/>
        <source>%n unfinished payment(s) checked. Ready.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="448"/>
        <source>The payment could not be saved, so nothing was charged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="458"/>
        <source>Creating the order for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="468"/>
        <source>Waiting for the customer to pay %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="499"/>
        <source>Paid: %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="105"/>
        <source>Not charged (%1): %2</source>
        <extracomment>A payment code refused (%1 the amount, %2 the refusal&apos;s words).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="108"/>
        <source>Payment of %1: the reverse is not confirmed yet; it is tried again at the next start. Tell the manager.</source>
        <extracomment>A payment code&apos;s reverse left to the next start (its deal stays REVERSING).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="305"/>
        <source>Payment of %1 cancelled. The order is being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="308"/>
        <source>Time is up for %1. The order is being closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="311"/>
        <source>WeChat Pay refused the payment of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="314"/>
        <location filename="../../pos/ui/texts.py" line="339"/>
        <source>Payment of %1 closed, not paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="316"/>
        <source>Payment of %1 cancelled. It is being reversed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="319"/>
        <source>No password for %1 in time. The payment is being reversed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="322"/>
        <source>No clear answer for %1 in time. The payment is being reversed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="325"/>
        <source>The payment of %1 failed. It is being reversed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="340"/>
        <source>Payment of %1: no order was made, nothing was paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="343"/>
        <source>Payment of %1 was paid after all (late payment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="346"/>
        <source>Payment of %1: WeChat Pay reports another amount paid. Tell the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="350"/>
        <source>Payment of %1 reversed: nothing was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="534"/>
        <source>Program error while handling the payment of %1 (order %2); it is in the log. The payment will be checked with WeChat Pay at the next start. Call for support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="542"/>
        <source>ALARM: WeChat Pay reported another amount paid for the payment of %1 (order %2). It is not counted as paid. Tell the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="576"/>
        <source>Settings saved. Restart the till to use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="594"/>
        <source>The till cannot open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/cashier.py" line="608"/>
        <source>A payment is in progress. Quit anyway? It will be checked at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Closing</name>
    <message>
        <location filename="../../pos/ui/closing.py" line="182"/>
        <source>The day cannot be closed: a shift of the day is still open, or the day is closed already.</source>
        <extracomment>Where the handover and day-close slips are saved as PDFs, in the data folder.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeDesk</name>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="145"/>
        <source>Payment code (*)</source>
        <extracomment>The longest code a till takes by hand (Alipay&apos;s reach 24 digits; WeChat&apos;s are 18). why payment codes are off here (pos.config.payment_codes), &quot;&quot; when they are on the till&apos;s button that opens the field for a code typed by hand</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="197"/>
        <source>Type the amount first, then scan the payment code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="221"/>
        <source>Payment codes are off: a real merchant needs the API certificate for them (an unfinished payment is reversed with it). Add it in the settings (F12); the QR works meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="234"/>
        <source>Charging the payment code: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="254"/>
        <source>%1 s left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeEntryDialog</name>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="285"/>
        <source>Payment code</source>
        <extracomment>The clerk typed a code and pressed OK (the code, not kept anywhere else).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_codes.py" line="289"/>
        <source>Type the digits under the barcode of the customer&apos;s payment code, then press Enter. A scanner gun can scan into this field too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeSimBox</name>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="270"/>
        <source>Paid</source>
        <extracomment>The sandbox&apos;s scripted endings (pos.sandbox.codes): a name, and what the till then does.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="271"/>
        <source>Paid at once: the till shows the paid screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="275"/>
        <source>Password, then paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="276"/>
        <source>The customer must enter the password: the till waits with a countdown, then shows it paid (after 10 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="284"/>
        <source>Password, then failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="285"/>
        <source>The password is asked, then the payment fails: the till reverses the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="292"/>
        <source>Password never entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="293"/>
        <source>The customer never enters the password: at the end of its wait the till reverses the order (Esc reverses it sooner).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="301"/>
        <source>Not enough money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="302"/>
        <source>Refused (NOTENOUGH): nothing is charged; the amount stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="308"/>
        <source>Code expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="309"/>
        <source>Refused (AUTHCODEEXPIRE): the customer must refresh the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="315"/>
        <source>Bank error, but paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="316"/>
        <source>BANKERROR: the till asks WeChat Pay at once and finds it paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="322"/>
        <source>Error, but paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="323"/>
        <source>SYSTEMERROR: the till asks WeChat Pay after 5 s and finds it paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="329"/>
        <source>Error, and nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="330"/>
        <source>SYSTEMERROR: the till asks WeChat Pay after 5 s and finds no payment; nothing is charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="338"/>
        <source>Card not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="339"/>
        <source>Refused (NOTSUPORTCARD): the customer pays another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="355"/>
        <source>Simulated payment code</source>
        <extracomment>&quot;Scan into the till&quot; was pressed: the code (a fresh one is shown next: each pays once).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="360"/>
        <source>Or pay with the customer&apos;s payment code: type the amount on the till (without Enter), choose what the customer&apos;s phone does, and scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="382"/>
        <source>Scan into the till</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <location filename="../../pos/ui/counter.py" line="219"/>
        <location filename="../../pos/ui/counter.py" line="267"/>
        <location filename="../../pos/ui/counter.py" line="382"/>
        <source>The printer setting is wrong: %1</source>
        <extracomment>Told how one slip went: &quot;&quot; when it printed, else the clerk&apos;s message. The announcement (its clips) is ready and was handed to the player. Speaking failed (no clips, disk full): the reason; the chime plays instead. A slip reached the printer: &quot;receipt&quot; or &quot;test&quot;. A slip did not print: what it was, and the clerk&apos;s message. Seconds to connect to and write to the printer before giving up (None: the printing module&apos;s default, read when printing: the window is shown without it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="233"/>
        <location filename="../../pos/ui/counter.py" line="271"/>
        <location filename="../../pos/ui/counter.py" line="295"/>
        <source>No receipt printer is set (Settings, F12).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="238"/>
        <location filename="../../pos/ui/counter.py" line="251"/>
        <source>Nothing to reprint yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="338"/>
        <source>The refund slip did not print: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="358"/>
        <source>printer off or unplugged (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="359"/>
        <source>the printer did not answer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="360"/>
        <source>printer not found (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="361"/>
        <source>printer out of paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="377"/>
        <source>Printer off or unplugged: %1. Press F10 to reprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="378"/>
        <source>The printer did not answer: %1. Press F10 to reprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="379"/>
        <source>Printer not found: %1. Press F10 to reprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="380"/>
        <source>Printer out of paper: load paper and press F10 to reprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="381"/>
        <source>Printing needs a driver: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="384"/>
        <source>Not printed: %1. Press F10 to reprint.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="154"/>
        <source>WeChat Pay</source>
        <extracomment>The white border around a QR code, in modules (the standard&apos;s quiet zone). The compact customer view: its width as a share of the screen&apos;s, within these pixels, and its height per width (portrait: the code above the words, as wide as the window). Pixels between the compact view and the screen&apos;s edges. A page was painted: &quot;qrPage&quot;, &quot;paidPage&quot; or &quot;messagePage&quot; (for measurements).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="177"/>
        <source>Scan with WeChat to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="189"/>
        <location filename="../../pos/ui/customer_screen.py" line="258"/>
        <location filename="../../pos/ui/customer_screen.py" line="344"/>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="319"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="323"/>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="377"/>
        <location filename="../../pos/ui/customer_screen.py" line="418"/>
        <location filename="../../pos/ui/customer_screen.py" line="467"/>
        <location filename="../../pos/ui/customer_screen.py" line="492"/>
        <source>Amount to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="386"/>
        <source>Show your payment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="387"/>
        <source>In WeChat: Me → Services → Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="398"/>
        <source>Enter your payment password on your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="399"/>
        <source>Waiting for WeChat Pay to confirm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="409"/>
        <source>Payment failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="410"/>
        <source>Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="509"/>
        <source>Preparing the payment code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_screen.py" line="529"/>
        <source>Code valid for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/customer_screen.py" line="532"/>
        <source>%n second(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerSimWindow</name>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="90"/>
        <source>Customer (sandbox)</source>
        <extracomment>How long one call to the sandbox may take (it is on loopback). The sandbox answered a move: (action, the answer as a dict). 模拟顾客付款码: the newcomer &quot;scanned&quot; this payment code into the till.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="95"/>
        <source>This window is the customer&apos;s phone. Charge an amount on the till, then pay it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="114"/>
        <source>Wait for the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="116"/>
        <source>Give up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="131"/>
        <source>Or open in a browser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="158"/>
        <source>No order on screen. Charge an amount on the till first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="160"/>
        <location filename="../../pos/ui/customer_sim.py" line="170"/>
        <source>Pay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="166"/>
        <source>Order %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="190"/>
        <source>Paying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="206"/>
        <source>Paid %1. The till shows it in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="211"/>
        <source>The customer is typing the password. WeChat still says “not paid”; press Pay to finish or Give up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="216"/>
        <source>The customer gave up. The till keeps waiting until it times out or is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="219"/>
        <source>The QR cannot be paid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="230"/>
        <source>program error, see the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="231"/>
        <source>The sandbox did not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="242"/>
        <source>Paid ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="255"/>
        <source>The clerk cancelled this order; it can no longer be paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="257"/>
        <source>Time is up for this order; it can no longer be paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_sim.py" line="259"/>
        <source>This order has ended without a payment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayCloseDialog</name>
    <message>
        <location filename="../../pos/ui/shift.py" line="277"/>
        <source>Day close %1</source>
        <extracomment>The manager asked to print the slip.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="284"/>
        <source>The day is closed. The slip is saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="286"/>
        <source>The day is closed. The slip could not be saved as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="292"/>
        <source>Print the slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="295"/>
        <source>Close (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DealList</name>
    <message>
        <location filename="../../pos/ui/deal_list.py" line="69"/>
        <source>No payments yet today.</source>
        <extracomment>The list is set in a fixed-pitch font, so that its columns line up; the CJK one first, whose Chinese characters are exactly two Latin ones wide.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/deal_list.py" line="83"/>
        <source>result pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/deal_list.py" line="87"/>
        <source>%1 (late)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DealState</name>
    <message>
        <location filename="../../pos/ui/texts.py" line="42"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="43"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="44"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="45"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="46"/>
        <source>not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="47"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="48"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="49"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="50"/>
        <source>reversing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="51"/>
        <source>reversed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DealTableModel</name>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="31"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="32"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="33"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="34"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="35"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="36"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="37"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="38"/>
        <source>WeChat transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="44"/>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="45"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="46"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="47"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="48"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="49"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="50"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="51"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="52"/>
        <source>reversing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/table.py" line="53"/>
        <source>reversed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../pos/ui/texts.py" line="116"/>
        <source>Program error; it is in the log. The till goes on. Call for support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../pos/ui/shift.py" line="42"/>
        <source>QR code</source>
        <extracomment>How the screens name the methods, by PaymentMethod value (the slips&apos; own words in Chinese).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="43"/>
        <source>Payment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="44"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="67"/>
        <source>Method</source>
        <extracomment>The largest drawer the till takes, in fen (a typo, not a drawer, beyond it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="68"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="69"/>
        <source>Takings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="70"/>
        <source>Refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="71"/>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="82"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="134"/>
        <source>Handover</source>
        <extracomment>The clerk confirmed the count: (counted_fen, note). The clerk asked to print the slip again.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="138"/>
        <source>Handover of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="143"/>
        <source>Float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="146"/>
        <source>Cash expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="149"/>
        <source>the cash counted in the drawer, yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="152"/>
        <source>Cash counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="155"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="159"/>
        <source>why the drawer differs, who takes over…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="161"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="172"/>
        <source>Not now (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="174"/>
        <source>Print the slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="177"/>
        <source>Hand over (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="201"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="203"/>
        <source>short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="203"/>
        <source>over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="229"/>
        <source>Type the cash counted in yuan, for example 512.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="233"/>
        <source>Closing the shift…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="244"/>
        <source>Handed over. The slip is saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="246"/>
        <source>Handed over. The slip could not be saved as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift.py" line="250"/>
        <source>Next clerk (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LateBanner</name>
    <message>
        <location filename="../../pos/ui/late_banner.py" line="30"/>
        <source>Acknowledge</source>
        <extracomment>The clerk acknowledged this late payment (a :class:`pos.store.Deal`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/late_banner.py" line="59"/>
        <source>LATE PAYMENT: %1 for &quot;%2&quot; was paid after the code was taken away. It is recorded as paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/late_banner.py" line="66"/>
        <source>(%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../pos/ui/login.py" line="109"/>
        <source>Type your number and press Enter, then your PIN.</source>
        <extracomment>The longest PIN an account has (pos.shop.accounts: 4 to 6 digits). The clerk typed a number and a PIN: (number, pin). The locked till&apos;s clerk typed their PIN. Someone else wants the locked till (the clerk stays logged out; their shift stays open). The float was counted into the drawer, in fen. A manager closes the day instead of opening a shift (after the last handover).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="119"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="125"/>
        <source>Log in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="140"/>
        <location filename="../../pos/ui/login.py" line="168"/>
        <source>Another clerk (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="142"/>
        <source>Unlock (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="153"/>
        <source>Count the cash float into the drawer and type the sum (yuan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="161"/>
        <source>Open the shift (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="164"/>
        <source>Close the day instead (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="177"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="191"/>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="195"/>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="195"/>
        <source>clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="205"/>
        <source>The till is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="207"/>
        <source>%1, type your PIN to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="214"/>
        <source>New shift of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="249"/>
        <location filename="../../pos/ui/login.py" line="263"/>
        <source>Type the number shown before your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="285"/>
        <source>Type the float in yuan, for example 200 or 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/login.py" line="287"/>
        <source>Opening the shift with %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManagerWindow</name>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="69"/>
        <source>Manager — transactions of the day</source>
        <extracomment>The day&apos;s report was loaded and shown. An export finished: (path, Totals) or failed: (path, message). A reconciliation report is shown. A long task (``&quot;export&quot;`` or ``&quot;reconcile&quot;``) stopped after the manager cancelled it; emitted when the worker has really stopped (and removed any partial file). The progress of the long task running now (export or reconcile), if any.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="98"/>
        <source>Day:</source>
        <extracomment>The value label of each figure: ``count``, ``gross``, ``refunded``, ``net``.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="110"/>
        <source>Search amount or order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="114"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="79"/>
        <source>Paid deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="80"/>
        <source>Takings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="81"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="82"/>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="144"/>
        <source>This day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="145"/>
        <source>Its month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="147"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="149"/>
        <source>Export Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="151"/>
        <source>Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="154"/>
        <source>Reconcile with WeChat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="157"/>
        <source>Whole shop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="161"/>
        <source>Clerks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="167"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="204"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="230"/>
        <source>Takings by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="235"/>
        <source>Could not load the day: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="242"/>
        <source>%1 deals, %2 shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="283"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="298"/>
        <location filename="../../pos/ui/manager/window.py" line="301"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="330"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="347"/>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="350"/>
        <source>Reconciliation cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="354"/>
        <source>Exported %1 deals to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="361"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="394"/>
        <source>Refund of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="426"/>
        <source>Downloading WeChat&apos;s bill of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="452"/>
        <source>WeChat makes the bill of %1 the next morning. You can reconcile it after %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/window.py" line="458"/>
        <source>Reconciliation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../pos/ui/texts.py" line="136"/>
        <source>Creating the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="137"/>
        <source>Waiting for the customer to scan and pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="140"/>
        <source>No answer from WeChat Pay, still checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="143"/>
        <source>Checking the order with WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="146"/>
        <source>A reply failed its signature check; still checking with WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="149"/>
        <source>Time is up; closing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="150"/>
        <source>Cancelled; closing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="151"/>
        <source>Closing the order, trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="152"/>
        <source>A payment notice with a wrong amount was ignored. Tell the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="155"/>
        <source>The local database could not be written! Hand nothing over until it is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="171"/>
        <source>Charging the payment code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="172"/>
        <source>Ask the customer to enter the payment password on their phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="175"/>
        <source>No password in time: the payment is being reversed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="178"/>
        <source>No clear answer from WeChat Pay in time: the payment is being reversed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="181"/>
        <source>The payment failed: it is being reversed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="184"/>
        <source>Cancelled: the payment is being reversed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="187"/>
        <source>A payment code from before the restart is being reversed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="190"/>
        <source>Reversing the payment again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="191"/>
        <source>Reversed: nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="192"/>
        <source>WeChat Pay refused the reverse; checking the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="195"/>
        <source>The reverse is not confirmed; it is tried again at the next start. Tell the manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="199"/>
        <source>No payment was made; nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="202"/>
        <source>This till takes WeChat Pay only: ask the customer for the WeChat payment code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="206"/>
        <source>That is not a payment code: scan the customer&apos;s WeChat payment code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="209"/>
        <source>This payment code was used before: ask the customer to refresh it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="212"/>
        <source>Not enough balance: ask the customer to switch cards or pay another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="215"/>
        <source>The payment code has expired: ask the customer to refresh it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="218"/>
        <source>The payment code is wrong or used: ask the customer to refresh it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="221"/>
        <source>Not a valid WeChat payment code: scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="224"/>
        <source>This card is not accepted: ask the customer to switch cards or pay another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="228"/>
        <source>Another customer already tried to pay this order: charge again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="231"/>
        <source>WeChat Pay says the order is already paid; checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="234"/>
        <source>The order is closed: charge again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="235"/>
        <source>The order was reversed: charge again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="238"/>
        <source>The order number was used before; checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="241"/>
        <source>The merchant has no permission for payment codes: check the merchant platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="245"/>
        <source>WeChat Pay refused the payment (its rules or risk control): ask the customer to pay another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="250"/>
        <source>The merchant settings are wrong (AppID, merchant number): check them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="253"/>
        <source>WeChat Pay could not accept the request: call for support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="256"/>
        <source>WeChat Pay refused the payment code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentMethod</name>
    <message>
        <location filename="../../pos/ui/texts.py" line="83"/>
        <source>QR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="84"/>
        <source>payment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="85"/>
        <source>cash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="72"/>
        <source>Manager</source>
        <extracomment>The right PIN was entered (or a new one saved) and the manager window is open. The right PIN was entered when the dialog only guards something else (the settings).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="75"/>
        <source>Set a manager PIN (4 to 12 digits). It guards refunds and the day&apos;s figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="77"/>
        <source>Enter the manager PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="84"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="90"/>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="100"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="102"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="133"/>
        <source>The PIN must be 4 to 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="136"/>
        <source>The two PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="138"/>
        <source>Saving the PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="162"/>
        <source>The PIN could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="177"/>
        <source>Wrong PIN. %1 tries left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/pin.py" line="190"/>
        <source>Too many wrong PINs. Locked for %1 min %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../../pos/ui/products.py" line="41"/>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="44"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="45"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="46"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="47"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="48"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="102"/>
        <source>Add product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="85"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="112"/>
        <source>Rename product</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <location filename="../../pos/ui/products.py" line="163"/>
        <source>Or type what is sold</source>
        <extracomment>F1–F8 pick the first eight products. The clerk asked to edit the products (the app asks for the manager PIN first). the products&apos; names, in quick-key order the quick keys&apos; buttons (F1, F2, …)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="166"/>
        <source>Edit products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="216"/>
        <source>Purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="226"/>
        <source>Product: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="232"/>
        <source>Product: none chosen (%1, or type a name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/products.py" line="235"/>
        <source>Product: none chosen (type a name)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../pos/ui/app.py" line="73"/>
        <source>&amp;Look in:</source>
        <extracomment>On quit (window closed, SIGTERM): how long the last database writes may take, how long a network call in flight is waited for, and each embedded server. The whole stays under 3 s (a shop PC shutting down kills what takes longer); what a call in flight would have brought is learned again at the next start (ARCHITECTURE &quot;Recovery&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/app.py" line="74"/>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="62"/>
        <source>Reconciliation of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="66"/>
        <source>Everything matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager/reconcile.py" line="68"/>
        <source>%n difference(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="82"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="82"/>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="82"/>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="82"/>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="113"/>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="114"/>
        <source>part refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="115"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="116"/>
        <source>creating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="117"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="118"/>
        <source>closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="119"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="120"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="121"/>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="122"/>
        <source>reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="123"/>
        <source>processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="124"/>
        <source>unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="125"/>
        <source>refund closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="126"/>
        <source>refund abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="145"/>
        <source>%1: WeChat took %2 and refunded %3; the till recorded %4 and %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="153"/>
        <source>WeChat has no bill for this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="156"/>
        <source>Sandbox: the bill of today up to now (a real merchant gets it tomorrow after 10:00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pos/ui/manager/reconcile.py" line="160"/>
        <source>%n refund(s) still unconfirmed here.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="100"/>
        <location filename="../../pos/ui/manager/reconcile.py" line="166"/>
        <source>Export differences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="31"/>
        <source>paid at WeChat, unknown here</source>
        <extracomment>The reconciliation&apos;s differences in the manager&apos;s words (the values are the core&apos;s stable English labels of the CSV and the logs; these are what the dialog shows, translated).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="34"/>
        <source>paid at WeChat, not paid here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="37"/>
        <source>paid here, missing at WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="40"/>
        <source>amount differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="41"/>
        <source>state differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="42"/>
        <source>refund at WeChat, unknown here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="45"/>
        <source>refund here, missing at WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="48"/>
        <source>refund differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/reconcile.py" line="103"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="45"/>
        <source>Refund</source>
        <extracomment>The refund reached a final state, or stopped being followed: RefundProgress.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="78"/>
        <source>Amount to refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="82"/>
        <source>Reason (shown to the customer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="83"/>
        <source>Customer returned the goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="92"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="94"/>
        <source>Next…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="117"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="119"/>
        <source>Confirm refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="144"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="64"/>
        <source>%1 — %2, paid %3, %4 may still be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="155"/>
        <location filename="../../pos/ui/manager/refund.py" line="161"/>
        <source>At most %1 may be refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="165"/>
        <source>Enter a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="170"/>
        <source>Refund %1 to the customer for %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="185"/>
        <source>Refunding %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="229"/>
        <source>Refunded %1 ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="232"/>
        <source>WeChat Pay is still processing the refund of %1; it is followed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="235"/>
        <source>The refund needs the merchant platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="240"/>
        <location filename="../../pos/ui/manager/refund.py" line="276"/>
        <source>The refund failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="255"/>
        <source>Refund number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/refund.py" line="263"/>
        <source>Deal %1, paid %2 at %3. Reason: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundSlipRow</name>
    <message>
        <location filename="../../pos/ui/counter.py" line="402"/>
        <source>Reprint refund slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="420"/>
        <source>Printing the refund slip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/counter.py" line="436"/>
        <source>Refund slip printed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundState</name>
    <message>
        <location filename="../../pos/ui/texts.py" line="64"/>
        <source>unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="65"/>
        <source>processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="66"/>
        <source>refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="67"/>
        <source>refund closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="68"/>
        <source>refund abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/texts.py" line="69"/>
        <source>refund failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="144"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/form.py" line="44"/>
        <source>Welcome: set up this till</source>
        <extracomment>The window&apos;s size, kept inside the screen (an 800-pixel till screen would otherwise hide the title bar and the buttons: the form scrolls instead).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/form.py" line="46"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/form.py" line="161"/>
        <source>This till starts in the sandbox: practice payments, no real money. To take real WeChat Pay payments, choose “Real merchant” and enter the details from the WeChat Pay merchant platform (pay.weixin.qq.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="20"/>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="23"/>
        <source>Sandbox: practice payments, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="26"/>
        <source>Real merchant: real WeChat Pay payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="22"/>
        <source>Merchant</source>
        <extracomment>The rows of the merchant&apos;s fields, by field name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="32"/>
        <source>AppID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="34"/>
        <source>Merchant number (mch_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="38"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="41"/>
        <source>Sign type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="44"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="21"/>
        <source>API certificate (for refunds)</source>
        <extracomment>The rows of the certificate&apos;s files and password, by field name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="25"/>
        <source>Without the API certificate the till takes no payment codes and makes no refunds: only the shop&apos;s QR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="36"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="38"/>
        <source>PKCS#12 file (apiclient_cert.p12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="42"/>
        <source>PEM pair (apiclient_cert.pem + apiclient_key.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="52"/>
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="53"/>
        <source>PEM (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="54"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="55"/>
        <location filename="../../pos/ui/settings/certificate.py" line="57"/>
        <location filename="../../pos/ui/settings/fields.py" line="59"/>
        <source>PKCS#12 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="132"/>
        <source>Certificate: opened. Refunds and payment codes can use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="136"/>
        <source>The certificate could not be opened: check the file and its password. Refunds and payment codes need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="142"/>
        <source>No API certificate: payment codes and refunds are off until one is added (a payment code the customer does not finish is reversed with it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="29"/>
        <source>AppID is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="30"/>
        <source>AppID must be &quot;wx&quot; followed by 16 letters or digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="31"/>
        <source>merchant number (mch_id) is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="32"/>
        <source>merchant number (mch_id) must be 6 to 32 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="33"/>
        <source>API key is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="34"/>
        <source>API key must be exactly 32 letters or digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="35"/>
        <source>sign type must be MD5 or HMAC-SHA256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="36"/>
        <source>choose the {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="37"/>
        <source>{what} not found: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="38"/>
        <source>{what} is not a file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="39"/>
        <source>the certificate could not be opened: check the file and its password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="42"/>
        <source>{what} is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="43"/>
        <source>{what} must be at most {most} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="44"/>
        <source>{what} must start with http:// or https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="45"/>
        <source>{what} must not contain a query string (?...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="46"/>
        <source>the relay needs this till&apos;s token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="47"/>
        <source>the token must not contain spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="48"/>
        <source>the checkout timeout must be from {low} to {high} seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="51"/>
        <source>the poll interval must be from {low} to {high} seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="52"/>
        <source>the sound must be a .wav file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="53"/>
        <source>a printer is tcp://HOST:9100, usb://VENDOR:PRODUCT (hex ids) or serial:///dev/ttyUSB0?baudrate=9600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="58"/>
        <source>the printer&apos;s port must be 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="60"/>
        <source>certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="61"/>
        <source>key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="62"/>
        <source>sound file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="63"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="64"/>
        <source>relay URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="65"/>
        <source>notify URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="66"/>
        <source>notify URL (or a relay URL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="60"/>
        <source>Certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="62"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="67"/>
        <source>Private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="69"/>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/certificate.py" line="72"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/notifications.py" line="15"/>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/notifications.py" line="22"/>
        <source>default: relay URL + /wechatpay/notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/notifications.py" line="25"/>
        <source>Relay URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/notifications.py" line="28"/>
        <source>Till token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/notifications.py" line="32"/>
        <source>Notify URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="38"/>
        <source>Till</source>
        <extracomment>Each language of config.LANGUAGES in its own words. The poll interval is shown and saved to a tenth of a second.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="42"/>
        <location filename="../../pos/ui/settings/till.py" line="47"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="52"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="53"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="58"/>
        <source>default chime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="59"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="63"/>
        <location filename="../../pos/ui/settings/till.py" line="82"/>
        <source>Payment sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="64"/>
        <source>WAV sound ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="67"/>
        <source>Checkout timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="71"/>
        <source>Poll interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="75"/>
        <source>Lock when idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/till.py" line="79"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/form.py" line="105"/>
        <source>Use the sandbox for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="30"/>
        <source>Receipts and voice</source>
        <extracomment>&quot;Print test page&quot; finished: True when the printer took it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="34"/>
        <source>Say the amount when a payment arrives (微信收款 25.50 元)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="38"/>
        <source>none, or tcp://192.168.1.50:9100, usb://0416:5011, serial:///dev/ttyUSB0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="43"/>
        <source>Print test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="48"/>
        <source>Print the slip when paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="51"/>
        <source>One screen: a small customer window in a corner (amount, QR, paid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="61"/>
        <source>Spoken amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="65"/>
        <source>Receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="68"/>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="72"/>
        <source>Customer view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="105"/>
        <source>Set a printer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="108"/>
        <source>Printing the test page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="121"/>
        <source>Test page sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/counter.py" line="125"/>
        <source>Not printed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/form.py" line="111"/>
        <source>The API key, certificate password and till token are kept in the system keyring, not in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/form.py" line="117"/>
        <source>No system keyring is available: the API key, certificate password and till token will be kept in the settings file, readable only by this user account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/fields.py" line="159"/>
        <source>stored {mask}: leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="66"/>
        <source>SANDBOX: practice payments, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="68"/>
        <source>REAL MERCHANT: payments are real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="143"/>
        <source>Set by the environment variable {name}, which wins over this dialog.</source>
        <extracomment>The typed field checked only by Save, which opens the certificate with it: every other one is checked as soon as it is left. &quot;Test connection&quot; finished: the :class:`ConnectionResult`. The settings were written; the effective settings (file + environment) as loaded back. &quot;Print test page&quot; finished: True when the printer took it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="48"/>
        <source>The merchant is set by environment variables ({names}), which win over this dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="174"/>
        <source>another merchant number: enter its API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="78"/>
        <source>Switch this till to the sandbox? No real payments will be taken. When you save, the merchant&apos;s details and its stored key are removed from this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/mode.py" line="83"/>
        <source>Switch this till to a real merchant? Payments will be real money, paid by customers through WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="239"/>
        <source>Change payment mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="273"/>
        <source>Fix the merchant details first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="286"/>
        <source>Asking WeChat Pay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="118"/>
        <source>Connected: the AppID, merchant number and API key are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="121"/>
        <source>Wrong API key: WeChat Pay rejected the signature. Copy the key again from the merchant platform (Account → API security).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="126"/>
        <source>Wrong merchant: the merchant number does not exist or the AppID is not bound to it. Check both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="131"/>
        <source>Cannot reach WeChat Pay: check the network connection (or the proxy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/merchant.py" line="135"/>
        <source>Unexpected answer from WeChat Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="387"/>
        <source>Some fields need fixing (see the red notes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/settings/dialog.py" line="399"/>
        <source>Could not save: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopDayView</name>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="52"/>
        <source>The whole shop — %1</source>
        <extracomment>The three breakdowns, in the order shown. The day was loaded and shown (a :class:`pos.reports.shop.ShopDay`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="70"/>
        <source>Paid deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="71"/>
        <location filename="../../pos/ui/manager/shop_day.py" line="93"/>
        <source>Takings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="72"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="73"/>
        <location filename="../../pos/ui/manager/shop_day.py" line="93"/>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="77"/>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="77"/>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="77"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="79"/>
        <source>Per till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="80"/>
        <source>Per clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="81"/>
        <source>Per method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="93"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="106"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="108"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="126"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="139"/>
        <source>This till&apos;s data only: the shop server cannot be reached, so these are not the whole shop&apos;s figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="151"/>
        <source>%1 deals of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="158"/>
        <source>Could not load the day: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="180"/>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="181"/>
        <source>Payment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="182"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager/shop_day.py" line="186"/>
        <source>(nobody logged in)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillDesk</name>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="126"/>
        <source>Cash (Ctrl+Enter)</source>
        <extracomment>How often the idle lock is checked. The till&apos;s keys for the shop: a cash sale, the lock, the handover. Someone logged in, out, or the till has no accounts: the Account or None. The till locked itself (idle) or was locked (key): open views of the manager close. A cash sale was stored (a pos.checkout.cash.CashSale). A shift was handed over (its pos.shop.ShiftSummary). The day was closed (its pos.shop.DayClose). The core, used on the database worker only. Copies for the main thread, set from what the database worker returned. The other tills&apos; handovers of a day, for the day&apos;s close (the shop server&apos;s; set by whoever wires the shop in). Called on the database worker.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="127"/>
        <source>Handover (Ctrl+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="128"/>
        <source>Day close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="129"/>
        <source>Lock (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="160"/>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="160"/>
        <source>clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="162"/>
        <source>Clerk: %1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="339"/>
        <source>Too many wrong PINs. Locked for %1 min %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="343"/>
        <source>Wrong number or PIN. %1 tries left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="346"/>
        <source>Another clerk&apos;s shift is still open at this till: they hand it over first, or a manager logs in to close it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_desk.py" line="350"/>
        <source>Log in and open a shift first.</source>
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
        <location filename="../../pos/ui/wechat_words.py" line="189"/>
        <source>%1 (%2)</source>
        <extracomment>Codes whose meaning is in WeChat&apos;s own text (which amounts, which rule): shown after ours.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
