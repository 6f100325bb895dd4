package com.warroom.local.stack;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.warroom.topology.FunctionDef;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function's handler class, found the way Lambda's Java runtime finds it: by the name the topology gives, public,
 * a {@code RequestHandler}, with a public no-arg constructor. The one way the local runner and the embedded stack
 * create handlers, whatever starts them.
 */
public record HandlerClass(FunctionDef function, Class<?> type, Class<?> eventType, Class<?> answerType) {

    /** Loads and checks the class through {@code loader}; {@link HandlerUnusable} says what is wrong with it. */
    public static HandlerClass load(FunctionDef function, ClassLoader loader) {
        Class<?> type;
        Class<?> requestHandler;
        try {
            type = Class.forName(function.handlerClass(), false, loader);
            // the interface as that loader sees it: the build's test loads handlers in a loader of its own
            requestHandler = Class.forName(RequestHandler.class.getName(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new HandlerUnusable(function, "its handler class " + function.handlerClass() + " is not on the classpath", e);
        }
        if (!requestHandler.isAssignableFrom(type)) {
            throw new HandlerUnusable(function, function.handlerClass() + " is not a Lambda RequestHandler",
                    new ClassCastException(function.handlerClass()));
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw new HandlerUnusable(function, function.handlerClass() + " is not a public concrete class",
                    new InstantiationException(function.handlerClass()));
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new HandlerUnusable(function, function.handlerClass() + " has no public no-arg constructor", e);
        }
        Optional<Type[]> arguments = typeArguments(type, requestHandler);
        Class<?> event = arguments.isPresent() ? raw(arguments.get()[0]) : Object.class;
        Class<?> answer = arguments.isPresent() ? raw(arguments.get()[1]) : Object.class;
        return new HandlerClass(function, type, event, answer);
    }

    /** {@link #load} through this thread's context class loader (or this class's loader). */
    public static HandlerClass load(FunctionDef function) {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader()).orElse(HandlerClass.class.getClassLoader());
        return load(function, loader);
    }

    /**
     * Creates the handler with its no-arg constructor, as a cold start does, after checking that it takes {@code event}
     * and answers {@code answer} (a handler that declares {@code Object} is taken at its word).
     */
    @SuppressWarnings("unchecked") // the declared type arguments were checked just above
    public <I, O> RequestHandler<I, O> instantiate(Class<I> event, Class<O> answer) {
        if (!eventType.isAssignableFrom(event)) {
            throw new HandlerUnusable(function, type.getName() + " takes " + eventType.getSimpleName() + ", but its trigger sends "
                    + event.getSimpleName(), new ClassCastException(event.getName()));
        }
        if (answerType != Object.class && !answer.isAssignableFrom(answerType)) {
            throw new HandlerUnusable(function, type.getName() + " answers " + answerType.getSimpleName() + ", but its trigger expects "
                    + answer.getSimpleName(), new ClassCastException(answerType.getName()));
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return (RequestHandler<I, O>) constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new HandlerUnusable(function, "it did not start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new HandlerUnusable(function, type.getName() + " could not be created: " + e, e);
        }
    }

    /** {@link #instantiate} for the handlers that take and answer a JSON object: schedules and workflow tasks. */
    @SuppressWarnings("unchecked") // Map's type arguments are erased; what arrives is JSON decoded to String keys
    public RequestHandler<Map<String, Object>, Map<String, Object>> instantiateForJsonObjects() {
        RequestHandler<?, ?> handler = instantiate(Map.class, Map.class);
        return (RequestHandler<Map<String, Object>, Map<String, Object>>) handler;
    }

    // the <I, O> of RequestHandler<I, O> where the class (or a superclass) fixes them; empty for type variables
    private static Optional<Type[]> typeArguments(Class<?> type, Class<?> requestHandler) {
        Deque<Type> pending = new ArrayDeque<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            Type next = pending.poll();
            if (next instanceof ParameterizedType parameterized && parameterized.getRawType() == requestHandler) {
                Type[] arguments = parameterized.getActualTypeArguments();
                return raw(arguments[0]) == null || raw(arguments[1]) == null ? Optional.empty() : Optional.of(arguments);
            }
            Class<?> rawNext = raw(next);
            if (rawNext != null) {
                pending.addAll(List.of(rawNext.getGenericInterfaces()));
                if (rawNext.getGenericSuperclass() != null) {
                    pending.add(rawNext.getGenericSuperclass());
                }
            }
        }
        return Optional.empty();
    }

    private static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> plain -> plain;
            case ParameterizedType parameterized -> (Class<?>) parameterized.getRawType();
            default -> null;
        };
    }
}
