"""The examples of the reference (wechatpay-v2.md §2–§3), verbatim; signed with TEST_KEY."""

# ruff: noqa: E501  (the documents are copied as published, long lines and all)

from __future__ import annotations

TEST_KEY = "192006250b4c09247ec02edce69f6a2d"
APPID = "wxd930ea5d5a258f4f"
MCH_ID = "10000100"

#: §3.1 Request example
UNIFIEDORDER_REQUEST = """<xml>
  <appid>wxd930ea5d5a258f4f</appid>
  <mch_id>10000100</mch_id>
  <device_info>POS-01</device_info>
  <nonce_str>Kq3n8ZbT1xYw0PdL</nonce_str>
  <body>示例超市-收银台01-商品消费</body>
  <attach>till=01&amp;shift=A</attach>
  <out_trade_no>POS20240601123000001</out_trade_no>
  <total_fee>2550</total_fee>
  <spbill_create_ip>192.168.1.20</spbill_create_ip>
  <time_start>20240601123000</time_start>
  <time_expire>20240601124000</time_expire>
  <notify_url>https://pos.example.com/wxpay/notify</notify_url>
  <trade_type>NATIVE</trade_type>
  <product_id>POS20240601123000001</product_id>
  <sign>CBCE5DC611603B19844DEF535001FBBB</sign>
</xml>
""".encode()

#: §3.1 Response example (success)
UNIFIEDORDER_RESPONSE = b"""<xml>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <return_msg><![CDATA[OK]]></return_msg>
  <appid><![CDATA[wxd930ea5d5a258f4f]]></appid>
  <mch_id><![CDATA[10000100]]></mch_id>
  <device_info><![CDATA[POS-01]]></device_info>
  <nonce_str><![CDATA[s1ZkXg8n0cYB3hQe]]></nonce_str>
  <result_code><![CDATA[SUCCESS]]></result_code>
  <prepay_id><![CDATA[wx01123000512345f0c1d2e3a4b5c6d70000]]></prepay_id>
  <trade_type><![CDATA[NATIVE]]></trade_type>
  <code_url><![CDATA[weixin://wxpay/bizpayurl?pr=Ab3dE7q]]></code_url>
  <sign><![CDATA[1039E9E93B3374209AB0BA15B2A63A42]]></sign>
</xml>
"""

#: §3.1 Response example (business failure, signed)
UNIFIEDORDER_ORDERPAID_RESPONSE = """<xml>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <return_msg><![CDATA[OK]]></return_msg>
  <appid><![CDATA[wxd930ea5d5a258f4f]]></appid>
  <mch_id><![CDATA[10000100]]></mch_id>
  <nonce_str><![CDATA[Hh2PpqLw9xT0aZcR]]></nonce_str>
  <result_code><![CDATA[FAIL]]></result_code>
  <err_code><![CDATA[ORDERPAID]]></err_code>
  <err_code_des><![CDATA[该订单已支付]]></err_code_des>
  <sign><![CDATA[D53BFC88B5319DFB554CC4A464BC37C2]]></sign>
</xml>
""".encode()

#: §3.1 Response example (protocol failure, unsigned)
SIGN_ERROR_RESPONSE = """<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[签名错误]]></return_msg></xml>
""".encode()

#: §3.2 Request example
ORDERQUERY_REQUEST = b"""<xml>
  <appid>wxd930ea5d5a258f4f</appid>
  <mch_id>10000100</mch_id>
  <out_trade_no>POS20240601123000001</out_trade_no>
  <nonce_str>c7Yt1qW0eRtZ3uIo</nonce_str>
  <sign>0296F1F2BD267BE653C908FAB9BE52EE</sign>
</xml>
"""

#: §3.2 Response example (not yet paid)
ORDERQUERY_NOTPAY_RESPONSE = """<xml>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <return_msg><![CDATA[OK]]></return_msg>
  <appid><![CDATA[wxd930ea5d5a258f4f]]></appid>
  <mch_id><![CDATA[10000100]]></mch_id>
  <nonce_str><![CDATA[Jd8sK2lQ0pWm4nXb]]></nonce_str>
  <result_code><![CDATA[SUCCESS]]></result_code>
  <out_trade_no><![CDATA[POS20240601123000001]]></out_trade_no>
  <attach><![CDATA[till=01&shift=A]]></attach>
  <trade_state><![CDATA[NOTPAY]]></trade_state>
  <trade_state_desc><![CDATA[订单未支付]]></trade_state_desc>
  <sign><![CDATA[92AD111C47AFD31F887A68A27ED9E24C]]></sign>
</xml>
""".encode()

#: §3.2 Response example (paid)
ORDERQUERY_PAID_RESPONSE = """<xml>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <return_msg><![CDATA[OK]]></return_msg>
  <appid><![CDATA[wxd930ea5d5a258f4f]]></appid>
  <mch_id><![CDATA[10000100]]></mch_id>
  <device_info><![CDATA[POS-01]]></device_info>
  <nonce_str><![CDATA[Zp4Lm9Qa1sXc7VbN]]></nonce_str>
  <result_code><![CDATA[SUCCESS]]></result_code>
  <openid><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></openid>
  <is_subscribe><![CDATA[N]]></is_subscribe>
  <trade_type><![CDATA[NATIVE]]></trade_type>
  <trade_state><![CDATA[SUCCESS]]></trade_state>
  <bank_type><![CDATA[OTHERS]]></bank_type>
  <total_fee>2550</total_fee>
  <fee_type><![CDATA[CNY]]></fee_type>
  <cash_fee>2550</cash_fee>
  <cash_fee_type><![CDATA[CNY]]></cash_fee_type>
  <transaction_id><![CDATA[4200001234202406011234567890]]></transaction_id>
  <out_trade_no><![CDATA[POS20240601123000001]]></out_trade_no>
  <attach><![CDATA[till=01&shift=A]]></attach>
  <time_end><![CDATA[20240601123105]]></time_end>
  <trade_state_desc><![CDATA[支付成功]]></trade_state_desc>
  <sign><![CDATA[C96B10EF0EE8E1F1BCD6CD34595699E3]]></sign>
</xml>
""".encode()

#: §3.3 Request example
CLOSEORDER_REQUEST = b"""<xml>
  <appid>wxd930ea5d5a258f4f</appid>
  <mch_id>10000100</mch_id>
  <out_trade_no>POS20240601124500002</out_trade_no>
  <nonce_str>u8Rt5Yq2Wc0Xz1Vb</nonce_str>
  <sign>10F437E2A52F98E201B901C3C4C3F3C7</sign>
</xml>
"""

#: §3.3 Response example
CLOSEORDER_RESPONSE = b"""<xml>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <return_msg><![CDATA[OK]]></return_msg>
  <appid><![CDATA[wxd930ea5d5a258f4f]]></appid>
  <mch_id><![CDATA[10000100]]></mch_id>
  <nonce_str><![CDATA[Gq7Wn3Ek5Ty1Ui9O]]></nonce_str>
  <result_code><![CDATA[SUCCESS]]></result_code>
  <result_msg><![CDATA[OK]]></result_msg>
  <sign><![CDATA[C6B31F42550FFE1EA177E36E84C53B3A]]></sign>
</xml>
"""

#: §3.4 Example (MD5-signed)
PAYMENT_NOTIFICATION = b"""<xml>
  <appid><![CDATA[wxd930ea5d5a258f4f]]></appid>
  <attach><![CDATA[till=01&shift=A]]></attach>
  <bank_type><![CDATA[OTHERS]]></bank_type>
  <cash_fee>2550</cash_fee>
  <device_info><![CDATA[POS-01]]></device_info>
  <fee_type><![CDATA[CNY]]></fee_type>
  <is_subscribe><![CDATA[N]]></is_subscribe>
  <mch_id><![CDATA[10000100]]></mch_id>
  <nonce_str><![CDATA[Vb6Nm1Qw8Er3Ty5U]]></nonce_str>
  <openid><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></openid>
  <out_trade_no><![CDATA[POS20240601123000001]]></out_trade_no>
  <result_code><![CDATA[SUCCESS]]></result_code>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <time_end><![CDATA[20240601123105]]></time_end>
  <total_fee>2550</total_fee>
  <trade_type><![CDATA[NATIVE]]></trade_type>
  <transaction_id><![CDATA[4200001234202406011234567890]]></transaction_id>
  <sign><![CDATA[2AECDD99E4D0C334AED15E588EB11B6D]]></sign>
</xml>
"""

#: §3.5 Request example
REFUND_REQUEST = """<xml>
  <appid>wxd930ea5d5a258f4f</appid>
  <mch_id>10000100</mch_id>
  <nonce_str>Rf2Kp8Lm4Qw6Ez0X</nonce_str>
  <out_trade_no>POS20240601123000001</out_trade_no>
  <out_refund_no>RF20240601130000001</out_refund_no>
  <total_fee>2550</total_fee>
  <refund_fee>550</refund_fee>
  <refund_desc>部分退货</refund_desc>
  <notify_url>https://pos.example.com/wxpay/refund-notify</notify_url>
  <sign>6A55D5C30A558724E3629D78F088217A</sign>
</xml>
""".encode()

#: §3.5 Response example
REFUND_RESPONSE = b"""<xml>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <return_msg><![CDATA[OK]]></return_msg>
  <appid><![CDATA[wxd930ea5d5a258f4f]]></appid>
  <mch_id><![CDATA[10000100]]></mch_id>
  <nonce_str><![CDATA[Ty3Ui5Op7As9Df1G]]></nonce_str>
  <result_code><![CDATA[SUCCESS]]></result_code>
  <transaction_id><![CDATA[4200001234202406011234567890]]></transaction_id>
  <out_trade_no><![CDATA[POS20240601123000001]]></out_trade_no>
  <out_refund_no><![CDATA[RF20240601130000001]]></out_refund_no>
  <refund_id><![CDATA[50300001232024060112345678901]]></refund_id>
  <refund_fee>550</refund_fee>
  <coupon_refund_fee>0</coupon_refund_fee>
  <total_fee>2550</total_fee>
  <cash_fee>2550</cash_fee>
  <coupon_refund_count>0</coupon_refund_count>
  <cash_refund_fee>550</cash_refund_fee>
  <sign><![CDATA[3E21067AA017CE479E44562ADF6A36D5]]></sign>
</xml>
"""

#: §3.6 Request example
REFUNDQUERY_REQUEST = b"""<xml>
  <appid>wxd930ea5d5a258f4f</appid>
  <mch_id>10000100</mch_id>
  <nonce_str>Qa1Ws2Ed3Rf4Tg5Y</nonce_str>
  <out_refund_no>RF20240601130000001</out_refund_no>
  <sign>98522BE8DB38B97E1B087054E7AFB453</sign>
</xml>
"""

#: §3.6 Response example
REFUNDQUERY_RESPONSE = """<xml>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <return_msg><![CDATA[OK]]></return_msg>
  <appid><![CDATA[wxd930ea5d5a258f4f]]></appid>
  <mch_id><![CDATA[10000100]]></mch_id>
  <nonce_str><![CDATA[Hy6Uj7Ik8Ol9Pq0W]]></nonce_str>
  <result_code><![CDATA[SUCCESS]]></result_code>
  <transaction_id><![CDATA[4200001234202406011234567890]]></transaction_id>
  <out_trade_no><![CDATA[POS20240601123000001]]></out_trade_no>
  <total_fee>2550</total_fee>
  <cash_fee>2550</cash_fee>
  <refund_count>1</refund_count>
  <out_refund_no_0><![CDATA[RF20240601130000001]]></out_refund_no_0>
  <refund_id_0><![CDATA[50300001232024060112345678901]]></refund_id_0>
  <refund_channel_0><![CDATA[ORIGINAL]]></refund_channel_0>
  <refund_fee_0>550</refund_fee_0>
  <settlement_refund_fee_0>550</settlement_refund_fee_0>
  <refund_status_0><![CDATA[SUCCESS]]></refund_status_0>
  <refund_account_0><![CDATA[REFUND_SOURCE_UNSETTLED_FUNDS]]></refund_account_0>
  <refund_recv_accout_0><![CDATA[支付用户零钱]]></refund_recv_accout_0>
  <refund_success_time_0><![CDATA[2024-06-01 13:00:12]]></refund_success_time_0>
  <sign><![CDATA[392379F04BBD931ED52A7E65FF771406]]></sign>
</xml>
""".encode()

#: §3.8 Request example
DOWNLOADBILL_REQUEST = b"""<xml>
  <appid>wxd930ea5d5a258f4f</appid>
  <mch_id>10000100</mch_id>
  <nonce_str>Bl1Lb2Cc3Dd4Ee5F</nonce_str>
  <bill_date>20240601</bill_date>
  <bill_type>ALL</bill_type>
  <sign>6E675D80F0F7B4A53E73FFAE396AD659</sign>
</xml>
"""

#: §3.9 Request example
MICROPAY_REQUEST = """<xml>
  <appid>wxd930ea5d5a258f4f</appid>
  <mch_id>10000100</mch_id>
  <device_info>POS-01</device_info>
  <nonce_str>Mp9Nb8Vc7Xz6Lk5J</nonce_str>
  <body>示例超市-收银台01-商品消费</body>
  <out_trade_no>POS20240601140000003</out_trade_no>
  <total_fee>1880</total_fee>
  <spbill_create_ip>192.168.1.20</spbill_create_ip>
  <auth_code>134567890123456789</auth_code>
  <sign>217A94146D0BF70C408DF0BEBB237184</sign>
</xml>
""".encode()

#: §3.9 Response example (password pending)
MICROPAY_USERPAYING_RESPONSE = """<xml>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <return_msg><![CDATA[OK]]></return_msg>
  <appid><![CDATA[wxd930ea5d5a258f4f]]></appid>
  <mch_id><![CDATA[10000100]]></mch_id>
  <device_info><![CDATA[POS-01]]></device_info>
  <nonce_str><![CDATA[Up1Io2Uy3Tr4Ew5Q]]></nonce_str>
  <result_code><![CDATA[FAIL]]></result_code>
  <err_code><![CDATA[USERPAYING]]></err_code>
  <err_code_des><![CDATA[需要用户输入支付密码]]></err_code_des>
  <sign><![CDATA[7289B19A87F312D43C1F2A339C6C48E8]]></sign>
</xml>
""".encode()

#: §3.9 Response example (paid)
MICROPAY_PAID_RESPONSE = b"""<xml>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <return_msg><![CDATA[OK]]></return_msg>
  <appid><![CDATA[wxd930ea5d5a258f4f]]></appid>
  <mch_id><![CDATA[10000100]]></mch_id>
  <device_info><![CDATA[POS-01]]></device_info>
  <nonce_str><![CDATA[Sx1Cd2Vf3Bg4Nh5M]]></nonce_str>
  <result_code><![CDATA[SUCCESS]]></result_code>
  <openid><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></openid>
  <is_subscribe><![CDATA[N]]></is_subscribe>
  <trade_type><![CDATA[MICROPAY]]></trade_type>
  <bank_type><![CDATA[OTHERS]]></bank_type>
  <total_fee>1880</total_fee>
  <fee_type><![CDATA[CNY]]></fee_type>
  <cash_fee>1880</cash_fee>
  <cash_fee_type><![CDATA[CNY]]></cash_fee_type>
  <transaction_id><![CDATA[4200001234202406011400000003]]></transaction_id>
  <out_trade_no><![CDATA[POS20240601140000003]]></out_trade_no>
  <time_end><![CDATA[20240601140002]]></time_end>
  <sign><![CDATA[9159C9E3E0784DEBEFB66C0D133A7ECE]]></sign>
</xml>
"""

#: §3.10 Request example
REVERSE_REQUEST = b"""<xml>
  <appid>wxd930ea5d5a258f4f</appid>
  <mch_id>10000100</mch_id>
  <out_trade_no>POS20240601140000003</out_trade_no>
  <nonce_str>Rv1Rv2Rv3Rv4Rv5R</nonce_str>
  <sign>6230720D02B570C798CE1367CF3E662B</sign>
</xml>
"""

#: §3.10 Response example
REVERSE_RESPONSE = b"""<xml>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <return_msg><![CDATA[OK]]></return_msg>
  <appid><![CDATA[wxd930ea5d5a258f4f]]></appid>
  <mch_id><![CDATA[10000100]]></mch_id>
  <nonce_str><![CDATA[Re6Re7Re8Re9Re0R]]></nonce_str>
  <result_code><![CDATA[SUCCESS]]></result_code>
  <recall><![CDATA[N]]></recall>
  <sign><![CDATA[D83F335C29664229E964641A17D9BDF8]]></sign>
</xml>
"""

#: §3.11 Request example
GETSIGNKEY_REQUEST = b"""<xml>
  <mch_id>10000100</mch_id>
  <nonce_str>Gk1Gk2Gk3Gk4Gk5G</nonce_str>
  <sign>7D754CA6D99B64AB1FFDB34B527A7CEB</sign>
</xml>
"""

#: §3.11 Response example
GETSIGNKEY_RESPONSE = b"""<xml>
  <return_code><![CDATA[SUCCESS]]></return_code>
  <return_msg><![CDATA[OK]]></return_msg>
  <mch_id><![CDATA[10000100]]></mch_id>
  <sandbox_signkey><![CDATA[6a2d5c7e0b914f38a1c2e3d4f5061728]]></sandbox_signkey>
</xml>
"""

#: §3.7 Notification as POSTed
REFUND_NOTIFICATION = b"""<xml>
  <return_code>SUCCESS</return_code>
  <appid><![CDATA[wxd930ea5d5a258f4f]]></appid>
  <mch_id><![CDATA[10000100]]></mch_id>
  <nonce_str><![CDATA[Rn1Rn2Rn3Rn4Rn5R]]></nonce_str>
  <req_info><![CDATA[4gS8kbcHysCW7bHqyEU0M9umdFVGKPOUBs+y0jA3BljPO+GUHgDe9/wsAxpUexHn3NqGFKv62ZLwMylnrDEYLU5VVjwcM9XA1pqykifAV1WUSSb+m0VbWFJxPjFXcWQfPkITxSNZ7bOViZGSIfcxTAChTbOiLY3zSqiPErsqoOTC4Kmdd5yhQjdAb+F5AoWrFWQYBBziPBdFAtBJ+IuNNAqiZ8xF2mfxyJyb9r4F0qqDcWZNUhUM2CIDCILVEcIRBWFD1Ta8gzHqZuvpPmfX1zva8s0nD5i6JX5XAq0BxxxtTzTmOb3ZBume+ckvmqC2IF0jwauv3J91Xg5z543DcI/3v/YLxFh993MNtQKJ2PoFdWkXH5jSyS1gHmEViJTxq5a2piY1D5d9ywz7GpCEStbKE1r/zBvHQ1lTshhySzYZf8/Lb2ZEmJvCTNarRoXpI5YrM8ZWFm6ajSDEKJPJ4tIptuwWW/GpkCdJS2tf1tyatFbu20q3AlYSmQyzJw5vCKLG/uPNvsnfsl8NiXU6zyBUJv6+pKEg3qiuHutB+JbVijOcM5kktvotJkNoLCN2somrOR/OCw54Dkw3jzD5CeZloaWxuPIzEFs5Ryn6am7trayykxsLw6Hromg5MRuTdyNfcYA1aMejn8N0Tw4diMWNWjFW8lGLSfE3mHTbF19LA8tfFaYlB084bPc/w4XoAGQllz7/uRCL+HFir01H04xcHo+n8uiYJK5bi60s0V8pw4aMaYjf+/blZv55KO2E3yGObL1X1Lg15NMKGt6nM1KL6nHDfXiWRU2TEPAe6bqghQdqF2uvl9owxG2WBMLS+7tcSIs8wv0CEt8Orp5QI8VWiQKWwbsPPOJV6YzMfo6wYGZJK+4yvmVNfF8h2s+A2lC50ownQZqBVX4PGm5VM98hjmy9V9S4NeTTChrepzPMCG0TQNHd+5e+tHDyaKCYhnpjrYy6CZ+MNafu3q1GWvqXtjkGNODkeijF2mUwPAkDr9qvuMJHek/rIKir3MUdZaeIz1Nohim6bJbHTPnPhNVowRmZja6pvU/6C5J5OKdiLozCdYds5DTd3H5JKlqQ]]></req_info>
</xml>
"""

#: §3.7 decrypted req_info (806 bytes, no trailing newline)
REFUND_PLAINTEXT = """<root>
<out_refund_no><![CDATA[RF20240601130000001]]></out_refund_no>
<out_trade_no><![CDATA[POS20240601123000001]]></out_trade_no>
<refund_account><![CDATA[REFUND_SOURCE_UNSETTLED_FUNDS]]></refund_account>
<refund_fee><![CDATA[550]]></refund_fee>
<refund_id><![CDATA[50300001232024060112345678901]]></refund_id>
<refund_recv_accout><![CDATA[支付用户零钱]]></refund_recv_accout>
<refund_request_source><![CDATA[API]]></refund_request_source>
<refund_status><![CDATA[SUCCESS]]></refund_status>
<settlement_refund_fee><![CDATA[550]]></settlement_refund_fee>
<settlement_total_fee><![CDATA[2550]]></settlement_total_fee>
<success_time><![CDATA[2024-06-01 13:00:12]]></success_time>
<total_fee><![CDATA[2550]]></total_fee>
<transaction_id><![CDATA[4200001234202406011234567890]]></transaction_id>
</root>""".encode()

#: §3.8 Sample ALL bill
BILL_ALL = """交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注
`2024-06-01 12:31:05,`wxd930ea5d5a258f4f,`10000100,`0,`POS-01,`4200001234202406011234567890,`POS20240601123000001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`NATIVE,`SUCCESS,`OTHERS,`CNY,`25.50,`0.00,`0,`0,`0.00,`0.00,`,`,`示例超市-收银台01-商品消费,`till=01&shift=A,`0.15000,`0.60%,`25.50,`0.00,`
`2024-06-01 13:00:00,`wxd930ea5d5a258f4f,`10000100,`0,`POS-01,`4200001234202406011234567890,`POS20240601123000001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`NATIVE,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`50300001232024060112345678901,`RF20240601130000001,`5.50,`0.00,`ORIGINAL,`SUCCESS,`示例超市-收银台01-商品消费,`till=01&shift=A,`-0.03000,`0.60%,`0.00,`5.50,`
总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额
`2,`25.50,`5.50,`0.00,`0.12000,`25.50,`5.50
"""

#: Every example above that carries a sign, by name.
SIGNED_EXAMPLES = {
    "UNIFIEDORDER_REQUEST": UNIFIEDORDER_REQUEST,
    "UNIFIEDORDER_RESPONSE": UNIFIEDORDER_RESPONSE,
    "UNIFIEDORDER_ORDERPAID_RESPONSE": UNIFIEDORDER_ORDERPAID_RESPONSE,
    "ORDERQUERY_REQUEST": ORDERQUERY_REQUEST,
    "ORDERQUERY_NOTPAY_RESPONSE": ORDERQUERY_NOTPAY_RESPONSE,
    "ORDERQUERY_PAID_RESPONSE": ORDERQUERY_PAID_RESPONSE,
    "CLOSEORDER_REQUEST": CLOSEORDER_REQUEST,
    "CLOSEORDER_RESPONSE": CLOSEORDER_RESPONSE,
    "PAYMENT_NOTIFICATION": PAYMENT_NOTIFICATION,
    "REFUND_REQUEST": REFUND_REQUEST,
    "REFUND_RESPONSE": REFUND_RESPONSE,
    "REFUNDQUERY_REQUEST": REFUNDQUERY_REQUEST,
    "REFUNDQUERY_RESPONSE": REFUNDQUERY_RESPONSE,
    "DOWNLOADBILL_REQUEST": DOWNLOADBILL_REQUEST,
    "MICROPAY_REQUEST": MICROPAY_REQUEST,
    "MICROPAY_USERPAYING_RESPONSE": MICROPAY_USERPAYING_RESPONSE,
    "MICROPAY_PAID_RESPONSE": MICROPAY_PAID_RESPONSE,
    "REVERSE_REQUEST": REVERSE_REQUEST,
    "REVERSE_RESPONSE": REVERSE_RESPONSE,
    "GETSIGNKEY_REQUEST": GETSIGNKEY_REQUEST,
}
