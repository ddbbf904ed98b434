package io.financehub.sandbox.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Pluggy's category tree (the subset the generator uses and a few more), with Pluggy-style ids. */
@ApplicationScoped
public class CategoryCatalog {

    public static final String SALARY = "01010000";
    public static final String NON_RECURRING_INCOME = "01050000";
    public static final String TRANSFER_BOLETO = "05010000";
    public static final String TRANSFER_PIX = "05070000";
    public static final String TRANSFER_TED = "05080000";
    public static final String CREDIT_CARD_PAYMENT = "05100000";
    public static final String INCOME_TAXES = "15010000";
    public static final String FINANCIAL_OPERATIONS_TAX = "15020000";
    public static final String VEHICLE_TAXES = "15040000";
    public static final String ACCOUNT_FEES = "16010000";
    public static final String CREDIT_CARD_FEES = "16030000";

    private final Map<String, Category> byId = new LinkedHashMap<>();

    public CategoryCatalog() {
        parent("01000000", "Income", "Renda");
        child("01010000", "Salary", "Salário");
        child("01020000", "Retirement", "Aposentadoria");
        child("01030000", "Entrepreneurial activities", "Atividades empresariais");
        child("01040000", "Government aid", "Auxílio do governo");
        child("01050000", "Non-recurring income", "Renda não-recorrente");
        parent("02000000", "Loans and financing", "Empréstimos e financiamento");
        child("02010000", "Late payment and overdraft costs", "Juros e multas por atraso");
        child("02020000", "Interests charged", "Juros cobrados");
        child("02030000", "Financing", "Financiamento");
        parent("03000000", "Investments", "Investimentos");
        child("03010000", "Automatic investment", "Investimento automático");
        child("03020000", "Fixed income", "Renda fixa");
        child("03030000", "Mutual funds", "Fundos multimercado");
        parent("04000000", "Same person transfer", "Transferência mesma titularidade");
        child("04010000", "Same person transfer - Cash", "Transferência mesma titularidade - Dinheiro");
        child("04020000", "Same person transfer - PIX", "Transferência mesma titularidade - PIX");
        child("04030000", "Same person transfer - TED", "Transferência mesma titularidade - TED");
        parent("05000000", "Transfers", "Transferências");
        child("05010000", "Transfer - Bank slip", "Transferência - Boleto bancário");
        child("05020000", "Transfer - Cash", "Transferência - Dinheiro");
        child("05030000", "Transfer - Check", "Transferência - Cheque");
        child("05040000", "Transfer - DOC", "Transferência - DOC");
        child("05050000", "Transfer - Foreign exchange", "Transferência - Câmbio");
        child("05060000", "Transfer - Internal", "Transferência - Mesma instituição");
        child("05070000", "Transfer - PIX", "Transferência - PIX");
        child("05080000", "Transfer - TED", "Transferência - TED");
        child("05090000", "Third party transfers", "Transferências para terceiros");
        child("05100000", "Credit card payment", "Pagamento de cartão de crédito");
        parent("06000000", "Legal obligations", "Obrigações legais");
        child("06010000", "Blocked balances", "Saldo bloqueado");
        child("06020000", "Alimony", "Pensão alimentícia");
        parent("07000000", "Services", "Serviços");
        child("07010000", "Telecommunications", "Telecomunicações");
        child("07020000", "Education", "Educação");
        child("07030000", "Wellness and fitness", "Bem-estar e academia");
        parent("08000000", "Shopping", "Compras");
        child("08010000", "Online shopping", "Compras online");
        child("08020000", "Electronics", "Eletrônicos");
        child("08030000", "Pet supplies and vet", "Pet shop e veterinário");
        child("08040000", "Clothing", "Vestuário");
        child("08060000", "Bookstore", "Livraria");
        parent("09000000", "Digital services", "Serviços digitais");
        child("09020000", "Video streaming", "Streaming de vídeo");
        child("09030000", "Music streaming", "Streaming de música");
        parent("10000000", "Groceries", "Supermercado");
        parent("11000000", "Food and drinks", "Alimentação");
        child("11010000", "Eating out", "Restaurantes");
        child("11020000", "Food delivery", "Delivery de comida");
        parent("12000000", "Travel", "Viagens");
        child("12010000", "Airport and airlines", "Aeroportos e companhias aéreas");
        child("12020000", "Accomodation", "Hospedagem");
        parent("13000000", "Donations", "Doações");
        parent("15000000", "Taxes", "Impostos");
        child("15010000", "Income taxes", "Imposto de renda");
        child("15020000", "Tax on financial operations", "IOF");
        child("15030000", "Real estate taxes", "IPTU");
        child("15040000", "Vehicle taxes", "IPVA");
        parent("16000000", "Bank fees", "Tarifas bancárias");
        child("16010000", "Account fees", "Tarifas da conta");
        child("16020000", "Wire transfer fees and ATM fees", "Tarifas de transferência e saque");
        child("16030000", "Credit card fees", "Tarifas do cartão de crédito");
        parent("17000000", "Housing", "Moradia");
        child("17010000", "Rent", "Aluguel");
        child("17020000", "Utilities", "Contas de consumo");
        parent("18000000", "Healthcare", "Saúde");
        child("18010000", "Dentist", "Dentista");
        child("18020000", "Pharmacy", "Farmácia");
        parent("19000000", "Transportation", "Transporte");
        child("19010000", "Taxi and ride-hailing", "Táxi e transporte por aplicativo");
        child("19020000", "Public transportation", "Transporte público");
        child("19050000", "Gas stations", "Postos de combustível");
        parent("20000000", "Insurance", "Seguros");
        parent("21000000", "Leisure", "Lazer");
    }

    private String currentParent;

    private void parent(String id, String description, String translated) {
        byId.put(id, new Category(id, description, translated, null, null));
        currentParent = id;
    }

    private void child(String id, String description, String translated) {
        Category parent = byId.get(currentParent);
        byId.put(id, new Category(id, description, translated, parent.id(), parent.description()));
    }

    public List<Category> all() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    public List<Category> children(String parentId) {
        return byId.values().stream().filter(c -> parentId.equals(c.parentId())).toList();
    }

    public Optional<Category> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Category get(String id) {
        Category category = byId.get(id);
        if (category == null) {
            throw new IllegalArgumentException("unknown category " + id);
        }
        return category;
    }
}
